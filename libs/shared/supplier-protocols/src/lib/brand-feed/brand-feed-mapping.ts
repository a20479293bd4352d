import { z } from 'zod';
import { BRAND_FEED_COLUMNS, type BrandFeedField, brandFeedFieldSchema } from './brand-feed-columns';

export const BRAND_FEED_FORMATS = ['csv', 'json'] as const;
export const brandFeedFormatSchema = z.enum(BRAND_FEED_FORMATS);
export type BrandFeedFormat = z.infer<typeof brandFeedFormatSchema>;

/**
 * How one brand's file reads: its format and which column holds which canonical field. Columns not
 * named are ignored; a canonical field may be mapped from one column only.
 */
export const brandFeedMappingSchema = z
  .object({
    format: brandFeedFormatSchema,
    /** Column name as in the header (CSV) or the object key (JSON) → canonical field. */
    columns: z.record(z.string().min(1), brandFeedFieldSchema),
  })
  .refine((mapping) => Object.values(mapping.columns).includes('externalId'), { message: 'a column must map to externalId', path: ['columns'] })
  .refine((mapping) => new Set(Object.values(mapping.columns)).size === Object.values(mapping.columns).length, {
    message: 'each canonical field may come from one column only',
    path: ['columns'],
  });

export interface BrandFeedMapping {
  format: BrandFeedFormat;
  columns: Record<string, BrandFeedField>;
}

/** The mapping of a feed that uses the usual Chinese headers (BRAND_FEED_COLUMNS). */
export function defaultBrandFeedMapping(format: BrandFeedFormat): BrandFeedMapping {
  const columns: Record<string, BrandFeedField> = {};
  for (const [field, column] of Object.entries(BRAND_FEED_COLUMNS)) columns[column] = field as BrandFeedField;
  return { format, columns };
}

/** One item of a JSON feed: an object keyed by column name. Cells are strings, numbers, null or string lists. */
export const brandFeedJsonItemSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));
export type BrandFeedJsonItem = z.infer<typeof brandFeedJsonItemSchema>;
