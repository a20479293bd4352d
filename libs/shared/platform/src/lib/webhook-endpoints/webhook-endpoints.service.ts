import { Inject, Injectable } from '@nestjs/common';
import { generateWebhookSecret, type RequestContext } from '@supply-hub/auth';
import { ConflictError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { randomBytes } from 'node:crypto';
import { type PlatformEnv, SERVICE_CONFIG } from '../config/service-config';
import { type CreateWebhookEndpoint, toView, type WebhookEndpointView } from './webhook-endpoint.dto';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { webhookUrlProblem } from './webhook-url-policy';

export const MAX_ENDPOINTS_PER_TENANT = 20;

/** A mall's webhook endpoints; every operation is confined to the calling tenant. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    @Inject(SERVICE_CONFIG) private readonly config: PlatformEnv,
  ) {}

  async create(ctx: RequestContext, input: CreateWebhookEndpoint, now = new Date()): Promise<WebhookEndpointView & { secret: string }> {
    const tenantId = ctx.requireTenantId();
    const urlProblem = webhookUrlProblem(input.url, { allowHttpLocalhost: this.config.WEBHOOK_ALLOW_HTTP_LOCALHOST === true });
    if (urlProblem) throw new ValidationError('invalid webhook endpoint', [{ path: 'body.url', message: urlProblem }]);
    // A soft cap (count, then insert): enough to stop a runaway client, not a hard invariant.
    if ((await this.endpoints.count(tenantId, {})) >= MAX_ENDPOINTS_PER_TENANT) {
      throw new ConflictError(`a tenant may register at most ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints; delete one first`);
    }
    const secret = generateWebhookSecret();
    const endpoint = await this.endpoints.insert(tenantId, {
      _id: `we_${randomBytes(12).toString('base64url')}`,
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      ...(input.description === undefined ? {} : { description: input.description }),
      secret,
      status: 'enabled',
      createdAt: now,
      updatedAt: now,
      consecutiveFailures: 0,
      lastDeliveryAt: null,
      lastFailureAt: null,
      disabledReason: null,
      deliverySeq: 0,
    });
    return { ...toView(endpoint), secret };
  }

  async list(ctx: RequestContext): Promise<WebhookEndpointView[]> {
    return (await this.endpoints.listForTenant(ctx.requireTenantId(), MAX_ENDPOINTS_PER_TENANT)).map(toView);
  }

  async get(ctx: RequestContext, id: string): Promise<WebhookEndpointView> {
    return toView(await this.endpoints.getOne(ctx.requireTenantId(), { _id: id }, id));
  }

  /** Resumes deliveries to an endpoint the deliverer disabled (or that is enabled already), with a clean failure count. */
  async enable(ctx: RequestContext, id: string, now = new Date()): Promise<WebhookEndpointView> {
    const endpoint = await this.endpoints.enable(ctx.requireTenantId(), id, now);
    if (!endpoint) throw new NotFoundError('webhook endpoint', id);
    return toView(endpoint);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    if (!(await this.endpoints.deleteOne(ctx.requireTenantId(), { _id: id }))) throw new NotFoundError('webhook endpoint', id);
  }
}
