import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';
import { curationStatusSchema } from './sku-state';

export const skuDelistedSchema = z.object({
  skuId: z.string().min(1).describe('Canonical SKU id, the aggregate id'),
  reason: z.string().min(1).max(500).describe('Why it left the catalog, for people reading order failures'),
  version: z.number().int().positive().describe('The SKU version this delisting produced'),
  curationStatus: curationStatusSchema.optional().describe('Staff\'s decision when it is why (suspended, delisted, …); absent when the suppliers delisted it'),
});

export const SkuDelisted = defineEvent({
  type: 'supplyhub.catalog.sku-delisted.v1',
  topic: TOPICS.catalogSku,
  description: 'A SKU was taken out of the curated catalog; malls can no longer order it.',
  tenantScoped: false,
  schema: skuDelistedSchema,
  keyOf: (data) => data.skuId,
});

export type SkuDelistedData = EventDataOf<typeof SkuDelisted>;
