import { z } from 'zod';
import type { WebhookEndpointDocument } from './webhook-endpoint.schema';

export const MAX_EVENT_TYPES = 50;
const EVENT_TYPE = /^supplyhub(\.[a-z0-9-]+)+\.v[0-9]+$/;

export const createWebhookEndpointSchema = z
  .strictObject({
    url: z.string().max(2048).describe('https URL that receives POSTed events (http://localhost only in local development)'),
    eventTypes: z
      .array(z.string().regex(EVENT_TYPE, 'must be an event type such as supplyhub.order.routed.v1'))
      .max(MAX_EVENT_TYPES)
      .default([])
      .describe('Event types to deliver; empty or omitted for all'),
    description: z.string().max(200).optional(),
  })
  .meta({ id: 'CreateWebhookEndpoint' });
export type CreateWebhookEndpoint = z.output<typeof createWebhookEndpointSchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string().optional(),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.string().nullable().describe('Why deliveries stopped (after repeated failures); POST /webhook-endpoints/{id}/enable resumes them'),
    consecutiveFailures: z.number().int().describe('Deliveries that ran out of attempts since the last successful one'),
    lastDeliveryAt: z.iso.datetime().nullable().describe('Last successful delivery'),
    lastFailureAt: z.iso.datetime().nullable().describe('Last failed attempt'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpointView = z.output<typeof webhookEndpointSchema>;

export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({ secret: z.string().describe('Signing secret (whsec_...): shown only in this answer; store it to verify SupplyHub-Signature') })
  .meta({ id: 'CreatedWebhookEndpoint' });

export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) }).meta({ id: 'WebhookEndpointList' });

export const webhookEndpointIdSchema = z.string().regex(/^we_[A-Za-z0-9_-]{16}$/, 'must be a webhook endpoint id (we_...)');

export function toView(endpoint: WebhookEndpointDocument): WebhookEndpointView {
  return {
    id: endpoint._id,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    status: endpoint.status,
    disabledReason: endpoint.disabledReason ?? null,
    consecutiveFailures: endpoint.consecutiveFailures ?? 0,
    lastDeliveryAt: endpoint.lastDeliveryAt?.toISOString() ?? null,
    lastFailureAt: endpoint.lastFailureAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
  };
}
