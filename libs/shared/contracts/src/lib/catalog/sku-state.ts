import { z } from 'zod';
import { categoryFamilySchema } from './category-family';

/** Where staff's decision on a SKU stands (catalog-sync's curation). */
export const curationStatusSchema = z.enum(['pending', 'approved', 'rejected', 'suspended', 'delisted']);
export type CurationStatus = z.output<typeof curationStatusSchema>;

const fen = (what: string) => z.number().int().nonnegative().describe(`${what} in integer fen (分)`);

/**
 * A curated SKU as every SKU event carries it: its whole current state, so a consumer that sees events
 * late, twice or out of order (between two sources' syncs) converges on the newest version.
 */
export const skuStateSchema = z.object({
  skuId: z.string().min(1).describe('Canonical SKU id, the aggregate id'),
  title: z.string().min(1),
  brand: z.string().min(1).optional(),
  categoryFamily: categoryFamilySchema,
  subcategory: z.string().min(1).optional().describe('The catalog subcategory (电饭煲, 视频会员, …)'),
  contractPriceFen: fen('Contract price (what the mall pays)'),
  supplyPriceFen: fen('Supply price (供货价) of the best offer, our cost'),
  marketPriceFen: fen('Market reference price (市场参考价)'),
  stock: z.number().int().nonnegative().describe('Units available across the listed offers'),
  sellable: z.boolean().describe('Approved, not blacklisted, in stock: malls may order it'),
  curationStatus: curationStatusSchema.optional().describe('Staff\'s decision on the SKU; absent: approved (decided before curation existed)'),
  bestOffer: z
    .object({ sourceId: z.string().min(1), externalId: z.string().min(1) })
    .nullable()
    .optional()
    .describe('The supplier offer the SKU is sold from (drop-ship goes there); null when none can be sold'),
  barcode: z
    .string()
    .regex(/^\d{13}$/)
    .optional(),
  imageUrl: z.url().optional(),
  version: z.number().int().positive().describe('Increases with every change of the SKU; consumers ignore older versions'),
});

export type SkuState = z.output<typeof skuStateSchema>;
