import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';
import { skuStateSchema } from './sku-state';

export const skuUpsertedSchema = skuStateSchema;

export const SkuUpserted = defineEvent({
  type: 'supplyhub.catalog.sku-upserted.v1',
  topic: TOPICS.catalogSku,
  description: 'A curated SKU was created or changed in several ways at once (details, best offer, prices and stock); carries its full current state.',
  tenantScoped: false,
  schema: skuUpsertedSchema,
  keyOf: (data) => data.skuId,
});

export type SkuUpsertedData = EventDataOf<typeof SkuUpserted>;
