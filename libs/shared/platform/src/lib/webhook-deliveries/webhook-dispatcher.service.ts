import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { RequestContext } from '@supply-hub/auth';
import { ValidationError } from '@supply-hub/errors';
import { z } from 'zod';
import { fieldIssuesOf } from '@supply-hub/http';
import { WebhookEndpointRepository } from '../webhook-endpoints/webhook-endpoint.repository';
import { type WebhookEndpointDocument } from '../webhook-endpoints/webhook-endpoint.schema';
import { endpointAccepts } from '../webhook-endpoints/webhook-url-policy';
import { deliveryIdOf, type WebhookDeliveryDocument } from './webhook-delivery.schema';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { type Clock, systemClock } from '../config/clock';
import { WEBHOOK_CLOCK, WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery-settings';
import { WebhookDeliveryWorker } from './webhook-delivery-worker.service';
import { type QueueEntryInput, WebhookQueueRepository } from './webhook-queue.repository';

/** Printable ASCII without spaces: ids and types travel in HTTP headers and in `_id`s. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * What dispatch accepts: a CloudEvent as the services publish it (`CloudEvent<T>` of
 * @supply-hub/contracts), or anything shaped like one. Other attributes (source, subject …) are sent too.
 */
export interface WebhookEvent {
  id: string;
  type: string;
  time: string;
  data: unknown;
  tenantid?: string;
}

const webhookEventSchema = z.looseObject({
  id: z.string().min(1).max(200).regex(HEADER_SAFE, 'must be printable ASCII without spaces'),
  type: z.string().min(1).max(200).regex(HEADER_SAFE, 'must be printable ASCII without spaces'),
  time: z.string().min(1),
  data: z.unknown(),
  tenantid: z.string().min(1).optional(),
});

export interface DispatchResult {
  /** One per endpoint that takes the event: its delivery id, and whether this call created it. */
  deliveries: { deliveryId: string; endpointId: string; created: boolean }[];
}

/**
 * Fans an event out to the tenant's enabled endpoints that take its type, as one delivery per endpoint,
 * stored before any attempt; the worker sends them. Idempotent by (endpoint, event id): dispatching the
 * same event again (a redelivered Kafka message) finds the deliveries it made and creates none, and
 * completes whatever a crash in the middle of the first call left undone.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueueRepository,
    private readonly worker: WebhookDeliveryWorker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
    @Optional() @Inject(WEBHOOK_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async dispatch(ctxOrTenantId: RequestContext | string, input: WebhookEvent): Promise<DispatchResult> {
    const tenantId = typeof ctxOrTenantId === 'string' ? ctxOrTenantId : ctxOrTenantId.requireTenantId();
    return this.dispatchTo(tenantId, input, () => this.endpoints.listEnabled(tenantId));
  }

  /**
   * Dispatches events as Kafka brings them, each to its own tenant (`tenantid`; one without is skipped),
   * reading each tenant's endpoints once for all of them: for an @OnEvents batch handler that only
   * forwards its events. Idempotent per event as dispatch is, so such a handler needs no ledger.
   */
  async forward(events: readonly WebhookEvent[]): Promise<void> {
    const endpointsOf = new Map<string, Promise<WebhookEndpointDocument[]>>();
    for (const event of events) {
      const tenantId = event.tenantid;
      if (!tenantId) continue;
      await this.dispatchTo(tenantId, event, () => {
        const listed = endpointsOf.get(tenantId) ?? this.endpoints.listEnabled(tenantId);
        endpointsOf.set(tenantId, listed);
        return listed;
      });
    }
  }

  private async dispatchTo(tenantId: string, input: WebhookEvent, listEndpoints: () => Promise<WebhookEndpointDocument[]>): Promise<DispatchResult> {
    const event = parseEvent(input);
    // A bug upstream must not send one mall's event to another mall.
    if (event.tenantid !== undefined && event.tenantid !== tenantId) throw new Error(`event ${event.id} belongs to tenant ${event.tenantid}, not ${tenantId}`);
    // The producer's own serialisation (its key order): what the mall receives is the event as published.
    const body = JSON.stringify(input);
    if (Buffer.byteLength(body) > this.settings.maxBodyBytes) {
      throw new ValidationError(`webhook event ${event.id} is larger than ${this.settings.maxBodyBytes} bytes`, [{ path: 'event', message: 'too large' }]);
    }

    const targets = (await listEndpoints()).filter((endpoint) => endpointAccepts(endpoint, event.type));
    if (targets.length === 0) return { deliveries: [] };
    const ids = targets.map((endpoint) => deliveryIdOf(endpoint._id, event.id));
    const existing = new Map((await this.deliveries.findByIds(ids)).map((delivery) => [delivery._id, delivery]));

    // A delivery recorded before but never queued (a crash between the two writes) is queued now.
    await this.queue.enqueue([...existing.values()].filter((delivery) => delivery.status === 'pending').map((delivery) => this.queueEntryOf(delivery)));

    const fresh = await this.numberNew(
      tenantId,
      targets.filter((endpoint) => !existing.has(deliveryIdOf(endpoint._id, event.id))),
    );
    if (fresh.length > 0) {
      const now = this.clock.now();
      const records = fresh.map(({ endpoint, seq }) => newDelivery(tenantId, endpoint, event, body, seq, now));
      // Order matters for a crash in between: the queue entry carries everything the worker needs to
      // write the log record itself, and a number pointing at no record yet is skipped when listing.
      await this.deliveries.numberDeliveries(records.map((record) => ({ endpointId: record.endpointId, seq: record.seq, deliveryId: record._id })));
      await this.queue.enqueue(records.map((record) => this.queueEntryOf(record)));
      await this.deliveries.insertMissing(records);
      this.worker.poke();
      this.logger.debug({ eventId: event.id, eventType: event.type, tenantId, deliveries: records.length }, 'webhook event dispatched');
    }
    const created = new Set(fresh.map(({ endpoint }) => endpoint._id));
    return {
      deliveries: targets.map((endpoint) => ({
        deliveryId: deliveryIdOf(endpoint._id, event.id),
        endpointId: endpoint._id,
        created: created.has(endpoint._id),
      })),
    };
  }

  private async numberNew(tenantId: string, endpoints: WebhookEndpointDocument[]): Promise<{ endpoint: WebhookEndpointDocument; seq: number }[]> {
    const numbered = await Promise.all(endpoints.map(async (endpoint) => ({ endpoint, seq: await this.endpoints.nextDeliverySeq(tenantId, endpoint._id) })));
    // An endpoint deleted since it was listed gets nothing.
    return numbered.filter((entry): entry is { endpoint: WebhookEndpointDocument; seq: number } => entry.seq !== null);
  }

  private queueEntryOf(delivery: WebhookDeliveryDocument): QueueEntryInput {
    return {
      _id: delivery._id,
      tenantId: delivery.tenantId,
      endpointId: delivery.endpointId,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      body: delivery.body,
      seq: delivery.seq,
      createdAt: delivery.createdAt,
      maxAttempts: Math.max(this.settings.maxAttempts, delivery.attemptCount + 1),
      dueAt: delivery.nextAttemptAt ?? this.clock.now(),
    };
  }
}

function parseEvent(input: WebhookEvent): WebhookEvent {
  const result = webhookEventSchema.safeParse(input);
  if (!result.success) throw new ValidationError('invalid webhook event', fieldIssuesOf(result.error.issues, 'event'));
  return result.data;
}

function newDelivery(
  tenantId: string,
  endpoint: WebhookEndpointDocument,
  event: { id: string; type: string },
  body: string,
  seq: number,
  now: Date,
): WebhookDeliveryDocument {
  return {
    _id: deliveryIdOf(endpoint._id, event.id),
    tenantId,
    endpointId: endpoint._id,
    eventId: event.id,
    eventType: event.type,
    body,
    seq,
    status: 'pending',
    attempts: [],
    attemptCount: 0,
    createdAt: now,
    updatedAt: now,
    nextAttemptAt: now,
    deliveredAt: null,
    failedAt: null,
    lastError: null,
  };
}
