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

  /** What the deliverer fans an event out to. */
  listEnabled(tenantId: string): Promise<WebhookEndpointDocument[]> {
    return this.find(tenantId, { status: 'enabled' }, { sort: { createdAt: 1 } });
  }
}
