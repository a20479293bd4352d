import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';
import { skuStateSchema } from './sku-state';

export const skuStockChangedSchema = skuStateSchema.extend({
  previousStock: z.number().int().nonnegative(),
});

export const SkuStockChanged = defineEvent({
  type: 'supplyhub.catalog.sku-stock-changed.v1',
  topic: TOPICS.catalogSku,
  description: 'Only the stock (and with it whether it can be sold) of a curated SKU changed; carries its full current state.',
  tenantScoped: false,
  schema: skuStockChangedSchema,
  keyOf: (data) => data.skuId,
});

export type SkuStockChangedData = EventDataOf<typeof SkuStockChanged>;
