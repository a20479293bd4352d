import { CATALOG_MIX_PRESET_IDS, ISO_WEEK_PATTERN, isoWeekRange, POINTS_BANDS } from '@supply-hub/catalog-domain';
import { CATEGORY_FAMILIES, categoryFamilySchema } from '@supply-hub/contracts';
import { z } from 'zod';
import { catalogItemSchema, pointsBandSchema } from '../catalog/catalog.dto';
import { mallIdSchema } from '../pools/pools.dto';

export const newArrivalsQuerySchema = z
  .strictObject({
    week: z
      .string()
      .regex(ISO_WEEK_PATTERN, 'must be an ISO week such as 2026-W47')
      .refine((week) => isoWeekRange(week) !== undefined, 'that year has no such week')
      .optional()
      .describe('ISO week (Monday to Sunday, Beijing time), e.g. 2026-W47; default: this week'),
    since: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
      .transform((value) => new Date(value))
      .optional()
      .describe('Instead of a week: from this time until now'),
    mallId: mallIdSchema.optional().describe('Only the SKUs in this mall’s selection pool'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('Items listed per family (the counts are complete)'),
  })
  .refine((query) => query.week === undefined || query.since === undefined, { message: 'give week or since, not both', path: ['since'] });
export type NewArrivalsQuery = z.output<typeof newArrivalsQuerySchema>;

export const newArrivalsSchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    week: z.string().nullable(),
    mallId: z.string().nullable(),
    total: z.number(),
    families: z.array(z.object({ family: categoryFamilySchema, count: z.number(), truncated: z.boolean(), items: z.array(catalogItemSchema) })),
  })
  .meta({ id: 'NewArrivals' });

export const mixQuerySchema = z.strictObject({
  preset: z
    .enum(CATALOG_MIX_PRESET_IDS)
    .default('generic')
    .describe('generic (4:3:2:1 coupon / virtual / physical / service), finance, retail, internet, everyday-quality-scarce (60/30/10 over the low / mid / high bands)'),
  mallId: mallIdSchema.optional().describe('Within this mall’s selection pool (the whole catalog if it has none)'),
});
export type MixQuery = z.output<typeof mixQuerySchema>;

const mixRow = <K extends z.ZodType>(key: K) =>
  z.object({
    key,
    count: z.number(),
    share: z.number().describe('Fraction of the SKUs counted (0.25 = 25 %)'),
    targetShare: z.number().nullable().describe('null: the preset sets no target for this dimension'),
    gap: z.number().nullable().describe('share − targetShare'),
  });

export const mixReportSchema = z
  .object({
    preset: z.object({ id: z.enum(CATALOG_MIX_PRESET_IDS), label: z.string(), description: z.string() }),
    mallId: z.string().nullable(),
    poolVersion: z.number().nullable().describe('The mall’s pool counted; null: the whole sellable catalog'),
    total: z.number(),
    families: z.array(mixRow(categoryFamilySchema)).length(CATEGORY_FAMILIES.length),
    bands: z.array(mixRow(pointsBandSchema)).length(POINTS_BANDS.length),
  })
  .meta({ id: 'CatalogMixReport' });
