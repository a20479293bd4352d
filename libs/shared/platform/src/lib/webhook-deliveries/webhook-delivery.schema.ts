import { type ModelDefinition, SCHEMA_OPTIONS } from '@supply-hub/mongo';
import { Schema } from 'mongoose';
import type { DeliveryAttempt } from './webhook-delivery-policy';

/**
 * Three collections, each read by `_id` on every hot path (on FerretDB nothing else avoids a scan, see
 * docs/storage.md):
 * - `webhook_deliveries`, the log: one record per (endpoint, event), `_id = <endpointId>:<eventId>`, so
 *   dispatching an event twice finds the record it made the first time. Grows with traffic.
 * - `webhook_queue`: only deliveries still to be attempted, deleted when they are done. The worker's
 *   poll filters this small collection, never the log.
 * - `webhook_delivery_seq`: `_id = <endpointId>#<n>` → delivery id, n counting an endpoint's deliveries
 *   (the endpoint's `deliverySeq`). Listing newest first reads n, n-1 … by `_id`, not by a sorted scan.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryDocument {
  /** `<endpointId>:<eventId>`, the delivery id shown to the mall. */
  _id: string;
  tenantId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  /** The event as JSON text: kept as text so no key of the event's data can clash with storage rules (`.`, `$`). */
  body: string;
  /** Position in the endpoint's delivery list (see webhook_delivery_seq). */
  seq: number;
  status: DeliveryStatus;
  /** The newest attempts, at most WebhookDeliverySettings.attemptLogSize. */
  attempts: DeliveryAttempt[];
  attemptCount: number;
  createdAt: Date;
  updatedAt: Date;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
}

/** A delivery waiting for its next attempt; carries what the worker needs to rebuild the log record after a crash. */
export interface WebhookQueueDocument {
  /** The delivery id. */
  _id: string;
  tenantId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  body: string;
  seq: number;
  createdAt: Date;
  /** The delivery fails once this many attempts (in all) have failed. */
  maxAttempts: number;
  dueAt: Date;
  /** The claim: who holds it (a token per claim) and until when. Free when leaseUntil is past. */
  leaseToken: string | null;
  leaseUntil: Date;
}

export interface WebhookDeliverySeqDocument {
  /** `<endpointId>#<seq>`. */
  _id: string;
  deliveryId: string;
}

const attemptSchema = new Schema<DeliveryAttempt>(
  {
    attempt: { type: Number, required: true },
    at: { type: Date, required: true },
    statusCode: { type: Number, default: null },
    error: { type: String, default: null },
    durationMs: { type: Number, required: true },
  },
  { _id: false },
);

const deliverySchema = new Schema<WebhookDeliveryDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    endpointId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    body: { type: String, required: true },
    seq: { type: Number, required: true },
    status: { type: String, enum: ['pending', 'delivered', 'failed'], required: true },
    attempts: { type: [attemptSchema], default: [] },
    attemptCount: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    failedAt: { type: Date, default: null },
    lastError: { type: String, default: null },
  },
  { ...SCHEMA_OPTIONS, collection: 'webhook_deliveries' },
);
// No secondary index: every read names the _id (the tenant and endpoint only as extra conditions).

const queueSchema = new Schema<WebhookQueueDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    endpointId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    body: { type: String, required: true },
    seq: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    maxAttempts: { type: Number, required: true },
    dueAt: { type: Date, required: true },
    leaseToken: { type: String, default: null },
    leaseUntil: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'webhook_queue' },
);
// The worker's poll: due and unclaimed, earliest first.
queueSchema.index({ dueAt: 1 });

const seqSchema = new Schema<WebhookDeliverySeqDocument>(
  { _id: { type: String, required: true }, deliveryId: { type: String, required: true } },
  { ...SCHEMA_OPTIONS, collection: 'webhook_delivery_seq' },
);

export const WEBHOOK_DELIVERY_MODEL: ModelDefinition<WebhookDeliveryDocument> = { name: 'WebhookDelivery', schema: deliverySchema };
export const WEBHOOK_QUEUE_MODEL: ModelDefinition<WebhookQueueDocument> = { name: 'WebhookQueueEntry', schema: queueSchema };
export const WEBHOOK_DELIVERY_SEQ_MODEL: ModelDefinition<WebhookDeliverySeqDocument> = { name: 'WebhookDeliverySeq', schema: seqSchema };

export function deliveryIdOf(endpointId: string, eventId: string): string {
  return `${endpointId}:${eventId}`;
}

export function seqIdOf(endpointId: string, seq: number): string {
  return `${endpointId}#${seq}`;
}
