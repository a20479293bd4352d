import { POINTS_BANDS } from '@supply-hub/catalog-domain';
import { categoryFamilySchema } from '@supply-hub/contracts';
import { z } from 'zod';

const fen = z.coerce.number().int().nonnegative();

export const pointsBandSchema = z.enum(POINTS_BANDS).describe('Points band (积分档位) of the points price: low, mid or high (thresholds: POINTS_BAND_MID_FROM, POINTS_BAND_HIGH_FROM)');

export const catalogQuerySchema = z
  .strictObject({
    family: categoryFamilySchema.optional(),
    subcategory: z.string().min(1).max(40).optional(),
    brand: z.string().min(1).max(60).optional(),
    q: z.string().min(1).max(100).optional().describe('Words that must all appear in the title or brand'),
    minPriceFen: fen.optional().describe('Lowest contract price, in fen'),
    maxPriceFen: fen.optional().describe('Highest contract price, in fen'),
    band: pointsBandSchema.optional(),
    inStock: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    newSince: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value))
      .optional()
      .describe('Only SKUs first listed at or after this time'),
    sort: z.enum(['price_asc', 'price_desc', 'newest']).default('newest'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(500).optional().describe('nextCursor of the previous page'),
  })
  .refine((query) => query.minPriceFen === undefined || query.maxPriceFen === undefined || query.minPriceFen <= query.maxPriceFen, {
    message: 'must not be above maxPriceFen',
    path: ['minPriceFen'],
  });
export type CatalogQueryInput = z.output<typeof catalogQuerySchema>;

export const skuIdSchema = z.string().regex(/^sku_[0-9a-f]{20}$/, 'must be a SKU id (sku_ and 20 hex digits)');

export const catalogItemSchema = z
  .object({
    skuId: z.string(),
    title: z.string(),
    brand: z.string().optional(),
    categoryFamily: categoryFamilySchema,
    subcategory: z.string().optional(),
    contractPriceFen: z.number().describe('What the mall pays, in fen'),
    marketPriceFen: z.number().describe('Market reference price (市场参考价), in fen'),
    pointsPrice: z.number().describe('The contract price in points, at POINTS_PER_YUAN, rounded up'),
    pointsBand: pointsBandSchema,
    inStock: z.boolean(),
    imageUrl: z.string().optional(),
    listedAt: z.iso.datetime(),
  })
  .meta({ id: 'CatalogItem' });

export const catalogPageSchema = z.object({ items: z.array(catalogItemSchema), nextCursor: z.string().nullable() }).meta({ id: 'CatalogPage' });

export const catalogSkuSchema = z
  .object({
    skuId: z.string(),
    title: z.string(),
    brand: z.string().optional(),
    model: z.string().optional(),
    categoryFamily: categoryFamilySchema,
    subcategory: z.string(),
    specs: z.array(z.object({ name: z.string(), value: z.string() })),
    images: z.array(z.string()),
    barcode: z.string().optional(),
    contractPriceFen: z.number(),
    marketPriceFen: z.number(),
    pointsPrice: z.number(),
    pointsBand: pointsBandSchema,
    stock: z.number(),
    sellable: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'CatalogSku' });
