import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { categoryFamilySchema } from './category-family';
import { TOPICS } from '../topics/topic-names';

const fen = z.number().int().min(0);

export const selectionPoolChangedSchema = z.object({
  mallId: z.string().min(1).describe('The mall (tenant) whose pool this is: the aggregate id'),
  version: z.number().int().min(1).describe('The pool version: 1 for the first save, one more for each later one; a newer version replaces an older one'),
  families: z.array(categoryFamilySchema).optional().describe('Category families admitted; absent: any'),
  subcategories: z.array(z.string().min(1)).optional().describe('Subcategories admitted (exact match); absent: any'),
  brands: z.array(z.string().min(1)).optional().describe('Brands admitted (exact match); absent: any'),
  priceRangesFen: z
    .array(z.tuple([fen, fen.nullable()]))
    .optional()
    .describe(
      'Contract prices admitted, in fen, inclusive [min, max] (max null: no upper bound): the pool’s price range and its points bands, resolved by catalog-sync’s points policy; a price must fall in one. Absent: any price; empty: none (only includes)',
    ),
  includes: z.array(z.string().min(1)).describe('SKU ids in the pool whatever the filters say'),
  excludes: z.array(z.string().min(1)).describe('SKU ids never in the pool; they win over filters and includes'),
  updatedBy: z.string().min(1).max(200).describe('The staff member who saved this version'),
  at: z.iso.datetime().describe('When this version was saved'),
});

/**
 * A mall's selection pool (选品池) was saved: the whole pool as both services evaluate it, so consumers
 * keep the newest version per mall and need no catalog or points settings of their own.
 */
export const SelectionPoolChanged = defineEvent({
  type: 'supplyhub.catalog.selection-pool-changed.v1',
  topic: TOPICS.selectionPools,
  description: 'A mall’s selection pool was saved: its membership terms (filters resolved to price ranges, includes, excludes) and version.',
  tenantScoped: true,
  schema: selectionPoolChangedSchema,
  keyOf: (data) => data.mallId,
});

export type SelectionPoolChangedData = EventDataOf<typeof SelectionPoolChanged>;
