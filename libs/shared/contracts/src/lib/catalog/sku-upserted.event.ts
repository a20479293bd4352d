import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';
import { categoryFamilySchema } from './category-family';

const fen = (what: string) => z.number().int().nonnegative().describe(`${what} in integer fen (分)`);

export const skuUpsertedSchema = z.object({
  skuId: z.string().min(1).describe('Canonical SKU id, the aggregate id'),
  title: z.string().min(1),
  brand: z.string().min(1).optional(),
  categoryFamily: categoryFamilySchema,
  supplyPriceFen: fen('Supply price (供货价)'),
  marketPriceFen: fen('Market reference price (市场参考价)'),
  stock: z.number().int().nonnegative().describe('Units available across suppliers and warehouses'),
  sellable: z.boolean().describe('Approved, not blacklisted, in stock: malls may order it'),
  version: z.number().int().positive().describe('Increases with every change of the SKU; consumers ignore older versions'),
});

export const SkuUpserted = defineEvent({
  type: 'supplyhub.catalog.sku-upserted.v1',
  topic: TOPICS.catalogSku,
  description: 'A curated SKU was created or changed (title, prices, stock or sellability); carries its full current state.',
  tenantScoped: false,
  schema: skuUpsertedSchema,
  keyOf: (data) => data.skuId,
});

export type SkuUpsertedData = EventDataOf<typeof SkuUpserted>;
