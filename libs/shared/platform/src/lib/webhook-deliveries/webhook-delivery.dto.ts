import { z } from 'zod';
import type { DeliverySummary } from './webhook-delivery.repository';
import type { WebhookDeliveryDocument } from './webhook-delivery.schema';

const nullableTime = z.iso.datetime().nullable();

export const webhookDeliverySummarySchema = z
  .object({
    id: z.string().describe('<endpoint id>:<event id>'),
    endpointId: z.string(),
    eventId: z.string().describe('Also sent as SupplyHub-Event-Id: dedupe by it, a delivery may arrive more than once'),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']).describe('pending: an attempt is due or coming; failed: attempts used up or endpoint disabled'),
    attemptCount: z.number().int(),
    createdAt: z.iso.datetime(),
    nextAttemptAt: nullableTime.describe('When pending: the next attempt'),
    deliveredAt: nullableTime,
    failedAt: nullableTime,
    lastError: z.string().nullable(),
  })
  .meta({ id: 'WebhookDeliverySummary' });

export const webhookDeliveryAttemptSchema = z
  .object({
    attempt: z.number().int().describe('1 for the first'),
    at: z.iso.datetime(),
    statusCode: z.number().int().nullable().describe('The answer, null when none came (timeout, connection refused)'),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'WebhookDeliveryAttempt' });

export const webhookDeliverySchema = webhookDeliverySummarySchema
  .extend({
    attempts: z.array(webhookDeliveryAttemptSchema).describe('The newest attempts, oldest first (at most 25; attemptCount has them all)'),
    event: z.record(z.string(), z.unknown()).describe('The event as POSTed (the request body)'),
  })
  .meta({ id: 'WebhookDelivery' });

export const webhookDeliveryPageSchema = z
  .object({
    items: z.array(webhookDeliverySummarySchema).describe('Newest first'),
    nextCursor: z.string().nullable().describe('Pass as cursor for older deliveries; null on the last page'),
  })
  .meta({ id: 'WebhookDeliveryPage' });

export const listDeliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/, 'must be the nextCursor of a previous page')
    .optional()
    .describe('nextCursor of the previous page'),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuerySchema>;

export const webhookDeliveryIdSchema = z
  .string()
  .regex(/^we_[A-Za-z0-9_-]{16}:[\x21-\x7e]{1,200}$/, 'must be a webhook delivery id (<endpoint id>:<event id>)');

export type WebhookDeliverySummaryView = z.output<typeof webhookDeliverySummarySchema>;
export type WebhookDeliveryView = z.output<typeof webhookDeliverySchema>;

export function toSummaryView(delivery: DeliverySummary): WebhookDeliverySummaryView {
  return {
    id: delivery._id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    createdAt: delivery.createdAt.toISOString(),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    failedAt: delivery.failedAt?.toISOString() ?? null,
    lastError: delivery.lastError ?? null,
  };
}

export function toDeliveryView(delivery: WebhookDeliveryDocument): WebhookDeliveryView {
  return {
    ...toSummaryView(delivery),
    attempts: delivery.attempts.map((attempt) => ({
      attempt: attempt.attempt,
      at: attempt.at.toISOString(),
      statusCode: attempt.statusCode ?? null,
      error: attempt.error ?? null,
      durationMs: attempt.durationMs,
    })),
    event: JSON.parse(delivery.body) as Record<string, unknown>,
  };
}
