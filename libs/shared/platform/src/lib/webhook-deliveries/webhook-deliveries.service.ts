import { Inject, Injectable, Optional } from '@nestjs/common';
import { RequestContext } from '@supply-hub/auth';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import { WebhookEndpointRepository } from '../webhook-endpoints/webhook-endpoint.repository';
import { type ListDeliveriesQuery, toDeliveryView, toSummaryView, type WebhookDeliveryView } from './webhook-delivery.dto';
import { type WebhookDeliveryDocument } from './webhook-delivery.schema';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { type Clock, systemClock } from '../config/clock';
import { WEBHOOK_CLOCK, WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery-settings';
import { WebhookDeliveryWorker } from './webhook-delivery-worker.service';
import { WebhookQueueRepository } from './webhook-queue.repository';

/** The delivery log as a mall sees it: its own endpoints' deliveries only (another mall's are a 404). */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueueRepository,
    private readonly worker: WebhookDeliveryWorker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
    @Optional() @Inject(WEBHOOK_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async list(ctx: RequestContext, endpointId: string, query: ListDeliveriesQuery) {
    const tenantId = ctx.requireTenantId();
    const endpoint = await this.endpoints.getOne(tenantId, { _id: endpointId }, endpointId);
    const beforeSeq = query.cursor === undefined ? (endpoint.deliverySeq ?? 0) + 1 : Number(query.cursor);
    const page = await this.deliveries.page(tenantId, endpointId, beforeSeq, query.limit);
    return { items: page.items.map(toSummaryView), nextCursor: page.nextBeforeSeq === null ? null : String(page.nextBeforeSeq) };
  }

  async get(ctx: RequestContext, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    return toDeliveryView(await this.find(ctx.requireTenantId(), endpointId, deliveryId));
  }

  /**
   * Redelivers now: a pending delivery's next attempt is brought forward; a delivered or failed one is
   * queued for one more attempt (no automatic retries after it). The answer is the delivery as queued.
   */
  async retry(ctx: RequestContext, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const tenantId = ctx.requireTenantId();
    const endpoint = await this.endpoints.getOne(tenantId, { _id: endpointId }, endpointId);
    if (endpoint.status !== 'enabled') throw new ConflictError(`webhook endpoint ${endpointId} is disabled; enable it before retrying deliveries`);
    const delivery = await this.find(tenantId, endpointId, deliveryId);
    const now = this.clock.now();
    if (delivery.status === 'pending') {
      // Not queued means a crash lost the entry: queue it again (a repair as much as a retry).
      if (!(await this.queue.expedite(delivery._id, now))) {
        await this.queue.enqueue([this.queueEntry(delivery, Math.max(this.settings.maxAttempts, delivery.attemptCount + 1), now)]);
      }
    } else {
      // The log first: an entry queued for a delivery still marked done would be dropped by the worker as stale.
      if (await this.deliveries.reopen(tenantId, delivery._id, delivery, now)) {
        await this.queue.requeue(this.queueEntry(delivery, delivery.attemptCount + 1, now));
      }
    }
    this.worker.poke();
    return this.get(ctx, endpointId, deliveryId);
  }

  private async find(tenantId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDocument> {
    const delivery = await this.deliveries.findOne(tenantId, { _id: deliveryId });
    if (!delivery || delivery.endpointId !== endpointId) throw new NotFoundError('webhook delivery', deliveryId);
    return delivery;
  }

  private queueEntry(delivery: WebhookDeliveryDocument, maxAttempts: number, dueAt: Date) {
    const { _id, tenantId, endpointId, eventId, eventType, body, seq, createdAt } = delivery;
    return { _id, tenantId, endpointId, eventId, eventType, body, seq, createdAt, maxAttempts, dueAt };
  }
}
