import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';
import { skuStateSchema } from './sku-state';

export const skuPriceChangedSchema = skuStateSchema.extend({
  previousContractPriceFen: z.number().int().nonnegative(),
  previousMarketPriceFen: z.number().int().nonnegative(),
});

export const SkuPriceChanged = defineEvent({
  type: 'supplyhub.catalog.sku-price-changed.v1',
  topic: TOPICS.catalogSku,
  description: 'Only the prices of a curated SKU changed; carries its full current state and the previous prices.',
  tenantScoped: false,
  schema: skuPriceChangedSchema,
  keyOf: (data) => data.skuId,
});

export type SkuPriceChangedData = EventDataOf<typeof SkuPriceChanged>;
