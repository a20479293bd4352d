import { httpClientSettingsSchema } from '@supply-hub/http-client';
import { type BrandFeedMapping, brandFeedFieldSchema, brandFeedFormatSchema, defaultBrandFeedMapping } from '@supply-hub/supplier-protocols';
import { z } from 'zod';

/**
 * One brand's feed, as configuration: adding a brand is a new entry, not code. Without `columns` the
 * feed is read with the usual Chinese headers (BRAND_FEED_COLUMNS); `idColumn` names the column that
 * identifies a product when it is not the one mapped to externalId.
 */
export const brandFeedSourceConfigSchema = z
  .object({
    kind: z.literal('brand-feed'),
    /** `brand-<slug>`: the sourceId its records carry. */
    id: z.string().min(1),
    url: z.url(),
    format: brandFeedFormatSchema,
    columns: z.record(z.string().min(1), brandFeedFieldSchema).optional(),
    idColumn: z.string().min(1).optional(),
    /** Feeds are read as UTF-8 (a leading BOM is dropped); brands exporting GBK convert first. */
    encoding: z.literal('utf-8').default('utf-8'),
    /** Extra request headers, e.g. a brand's `Authorization`. */
    headers: z.record(z.string(), z.string()).default({}),
    recordsPerPage: z.number().int().min(1).max(10_000).default(500),
    /** JSON feeds are read whole; a larger body is refused. CSV is streamed and has no limit. */
    maxJsonBytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024),
    http: httpClientSettingsSchema.prefault({}),
  })
  .refine((config) => config.idColumn !== undefined || config.columns === undefined || Object.values(config.columns).includes('externalId'), {
    message: 'name the id column: map one column to externalId or set idColumn',
    path: ['columns'],
  });

export type BrandFeedSourceConfig = z.output<typeof brandFeedSourceConfigSchema>;
export type BrandFeedSourceConfigInput = z.input<typeof brandFeedSourceConfigSchema>;

/** The column → field mapping a config describes, idColumn applied. */
export function mappingOf(config: BrandFeedSourceConfig): BrandFeedMapping {
  const columns = { ...(config.columns ?? defaultBrandFeedMapping(config.format).columns) };
  if (config.idColumn) {
    for (const [column, field] of Object.entries(columns)) if (field === 'externalId') delete columns[column];
    columns[config.idColumn] = 'externalId';
  }
  return { format: config.format, columns };
}
