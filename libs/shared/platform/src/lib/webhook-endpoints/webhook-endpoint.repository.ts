import { TenantScopedRepository } from '@supply-hub/mongo';
import type { Model } from 'mongoose';
import type { WebhookEndpointDocument } from './webhook-endpoint.schema';

export class WebhookEndpointRepository extends TenantScopedRepository<WebhookEndpointDocument> {
  constructor(model: Model<WebhookEndpointDocument>) {
    super(model, 'webhook endpoint');
  }

  listForTenant(tenantId: string, limit: number): Promise<WebhookEndpointDocument[]> {
    return this.find(tenantId, {}, { sort: { createdAt: 1 }, limit });
  }

  /** What the dispatcher fans an event out to (a tenant has at most a few endpoints). */
  listEnabled(tenantId: string): Promise<WebhookEndpointDocument[]> {
    return this.find(tenantId, { status: 'enabled' }, { sort: { createdAt: 1 } });
  }

  /** Numbers a new delivery to the endpoint (1, 2, …); null when the endpoint is gone. */
  async nextDeliverySeq(tenantId: string, endpointId: string): Promise<number | null> {
    const endpoint = await this.findOneAndUpdate(tenantId, { _id: endpointId }, { $inc: { deliverySeq: 1 } });
    return endpoint?.deliverySeq ?? null;
  }

  async recordDelivered(tenantId: string, endpointId: string, at: Date): Promise<void> {
    await this.updateOne(tenantId, { _id: endpointId }, { $set: { consecutiveFailures: 0, lastDeliveryAt: at } });
  }

  async recordFailedAttempt(tenantId: string, endpointId: string, at: Date): Promise<void> {
    await this.updateOne(tenantId, { _id: endpointId }, { $set: { lastFailureAt: at } });
  }

  /** Counts a delivery that ran out of attempts; the endpoint as it is now, or null when it is gone. */
  recordFailedDelivery(tenantId: string, endpointId: string, at: Date): Promise<WebhookEndpointDocument | null> {
    return this.findOneAndUpdate(tenantId, { _id: endpointId }, { $inc: { consecutiveFailures: 1 }, $set: { lastFailureAt: at } });
  }

  /** Disables an enabled endpoint; false when it was disabled (or deleted) already. */
  disable(tenantId: string, endpointId: string, reason: string, at: Date): Promise<boolean> {
    return this.updateOne(tenantId, { _id: endpointId, status: 'enabled' }, { $set: { status: 'disabled', disabledReason: reason, updatedAt: at } });
  }

  /** Enables the endpoint again with a clean failure count; null when there is no such endpoint. */
  enable(tenantId: string, endpointId: string, at: Date): Promise<WebhookEndpointDocument | null> {
    return this.findOneAndUpdate(tenantId, { _id: endpointId }, { $set: { status: 'enabled', disabledReason: null, consecutiveFailures: 0, updatedAt: at } });
  }
}
