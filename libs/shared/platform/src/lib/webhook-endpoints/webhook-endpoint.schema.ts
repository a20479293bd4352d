import { type ModelDefinition, SCHEMA_OPTIONS } from '@supply-hub/mongo';
import { Schema } from 'mongoose';

/** A mall's webhook endpoint (tenant-owned), with the delivery state the retrying deliverer keeps. */
export interface WebhookEndpointDocument {
  /** `we_...`, shown to the mall. */
  _id: string;
  tenantId: string;
  url: string;
  /** Event types to deliver (`supplyhub.order.routed.v1`); empty means all. */
  eventTypes: string[];
  description?: string;
  /**
   * The HMAC key (`whsec_...`). Kept readable because signing needs it; shown to the mall once, at
   * creation, and never returned by reads.
   */
  secret: string;
  status: 'enabled' | 'disabled';
  createdAt: Date;
  updatedAt: Date;
  /** Failed deliveries since the last success; the deliverer disables the endpoint past a limit. */
  consecutiveFailures: number;
  lastDeliveryAt: Date | null;
  lastFailureAt: Date | null;
  disabledReason: string | null;
  /**
   * How many deliveries were ever made to this endpoint: the n of the newest in `webhook_delivery_seq`,
   * through which deliveries are listed newest first. Absent on endpoints no event reached yet.
   */
  deliverySeq?: number;
}

const webhookEndpointSchema = new Schema<WebhookEndpointDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    url: { type: String, required: true },
    eventTypes: { type: [String], default: [] },
    description: { type: String },
    secret: { type: String, required: true },
    status: { type: String, enum: ['enabled', 'disabled'], required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    consecutiveFailures: { type: Number, default: 0 },
    lastDeliveryAt: { type: Date, default: null },
    lastFailureAt: { type: Date, default: null },
    disabledReason: { type: String, default: null },
    deliverySeq: { type: Number, default: 0 },
  },
  { ...SCHEMA_OPTIONS, collection: 'webhook_endpoints' },
);
// Listing a tenant's endpoints (and, for delivery, its enabled ones) in creation order.
webhookEndpointSchema.index({ tenantId: 1, createdAt: 1 });

export const WEBHOOK_ENDPOINT_MODEL: ModelDefinition<WebhookEndpointDocument> = { name: 'WebhookEndpoint', schema: webhookEndpointSchema };
