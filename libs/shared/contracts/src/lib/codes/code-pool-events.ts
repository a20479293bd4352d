import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

/** A pool fell below its low-stock threshold (sent once per crossing, again after it was refilled). */
export const CodePoolLow = defineEvent({
  type: 'supplyhub.codes.pool-low.v1',
  topic: TOPICS.codePools,
  description: 'A card-code pool has fewer unissued codes than its low-stock threshold: import a new batch.',
  tenantScoped: false,
  schema: z.object({
    skuId: z.string().min(1),
    available: z.number().int().nonnegative(),
    threshold: z.number().int().nonnegative(),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => data.skuId,
});
export type CodePoolLowData = EventDataOf<typeof CodePoolLow>;

/** Unissued codes passed their expiry and were set aside (never issued). */
export const CodesExpired = defineEvent({
  type: 'supplyhub.codes.codes-expired.v1',
  topic: TOPICS.codePools,
  description: 'Unissued codes of a pool passed their expiry and were set aside; they are reported, never issued.',
  tenantScoped: false,
  schema: z.object({
    skuId: z.string().min(1),
    count: z.number().int().positive(),
    faceValueFen: z.number().int().nonnegative(),
    costFen: z.number().int().nonnegative(),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => data.skuId,
});
export type CodesExpiredData = EventDataOf<typeof CodesExpired>;
