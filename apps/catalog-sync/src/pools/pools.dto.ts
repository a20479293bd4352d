import { INDUSTRY_TEMPLATE_IDS } from '@supply-hub/catalog-domain';
import { CATEGORY_FAMILIES, categoryFamilySchema } from '@supply-hub/contracts';
import { z } from 'zod';
import { pointsBandSchema } from '../catalog/catalog.dto';

/** A mall is the tenant of its API key: the same id rules as `keys create --owner`. */
export const mallIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a mall (tenant) id: 1 to 64 letters, digits, ".", "_" or "-"');

const skuId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be a SKU id');
const fen = z.number().int().nonnegative();
const templateSchema = z.enum(INDUSTRY_TEMPLATE_IDS).describe('generic, finance (银行), retail or internet: see GET /pools/templates');

export const poolFiltersSchema = z
  .strictObject({
    families: z.array(categoryFamilySchema).max(CATEGORY_FAMILIES.length).optional(),
    subcategories: z.array(z.string().trim().min(1).max(40)).max(200).optional(),
    brands: z.array(z.string().trim().min(1).max(60)).max(500).optional().describe('Exact brand names, as the catalog shows them'),
    minPriceFen: fen.optional().describe('Lowest contract price, in fen'),
    maxPriceFen: fen.optional().describe('Highest contract price, in fen'),
    bands: z.array(pointsBandSchema).max(3).optional(),
  })
  .meta({ id: 'PoolFilters' });

export const poolInputSchema = z.strictObject({
  template: templateSchema.optional().describe('The template the pool starts from; absent: the pool’s current one (generic for a new pool)'),
  filters: poolFiltersSchema.optional().describe('Absent: the template’s filters; given: these, in place of them. Every filter given must match; an empty list does not narrow'),
  includes: z.array(skuId).max(2_000).default([]).describe('SKUs always in the pool (while sellable), whatever the filters'),
  excludes: z.array(skuId).max(2_000).default([]).describe('SKUs never in the pool: they win over filters and includes'),
  reason: z.string().trim().min(1).max(500).optional().describe('Why, for the audit log'),
});
export type PoolInput = z.output<typeof poolInputSchema>;

const definition = {
  template: templateSchema,
  filters: poolFiltersSchema,
  includes: z.array(z.string()),
  excludes: z.array(z.string()),
};

export const poolViewSchema = z
  .object({ mallId: z.string(), ...definition, updatedBy: z.string(), updatedAt: z.iso.datetime(), version: z.number() })
  .meta({ id: 'SelectionPool' });
export type PoolView = z.output<typeof poolViewSchema>;

export const poolListSchema = z.object({ items: z.array(poolViewSchema) }).meta({ id: 'SelectionPoolList' });

export const poolPreviewSchema = z
  .object({
    mallId: z.string(),
    pool: z.object(definition).nullable().describe('null: the mall has no pool and sees the whole sellable catalog'),
    count: z.number().describe('Sellable SKUs the mall would see now'),
    families: z.record(categoryFamilySchema, z.number()),
    bands: z.record(pointsBandSchema, z.number()),
  })
  .meta({ id: 'SelectionPoolPreview' });
export type PoolPreview = z.output<typeof poolPreviewSchema>;

export const templateListSchema = z
  .object({ items: z.array(z.object({ id: templateSchema, label: z.string(), description: z.string(), filters: poolFiltersSchema })) })
  .meta({ id: 'IndustryTemplateList' });
