import { ValidationError } from '@supply-hub/errors';
import { z } from 'zod';
import { brandFeedSourceConfigSchema } from '../brand-feed/brand-feed-source-config';
import { jdSourceConfigSchema } from '../jd/jd-source-config';
import { taobaoSourceConfigSchema } from '../taobao/taobao-source-config';

/**
 * Every source catalog-sync reads, as one JSON document (an env setting or a file):
 *
 *   { "sources": [
 *     { "kind": "jd", "id": "jd", "baseUrl": "http://127.0.0.1:3005/jd/", "credentials": { … },
 *       "detailConcurrency": 16, "http": { "rateLimit": { "requestsPerSecond": 20 }, "breaker": { "resetTimeoutMs": 30000 } } },
 *     { "kind": "taobao", "id": "taobao", "baseUrl": "http://127.0.0.1:3005/taobao/", "credentials": { … } },
 *     { "kind": "brand-feed", "id": "brand-midea", "url": "http://127.0.0.1:3005/feeds/midea.csv", "format": "csv" } ] }
 */
export const supplierSourceConfigSchema = z.discriminatedUnion('kind', [jdSourceConfigSchema, taobaoSourceConfigSchema, brandFeedSourceConfigSchema]);
export type SupplierSourceConfigInput = z.input<typeof supplierSourceConfigSchema>;

export const supplierSourcesConfigSchema = z
  .object({ sources: z.array(supplierSourceConfigSchema) })
  .refine((config) => new Set(config.sources.map((source) => source.id)).size === config.sources.length, {
    message: 'source ids must be unique',
    path: ['sources'],
  });

export type SupplierSourcesConfig = z.output<typeof supplierSourcesConfigSchema>;
export type SupplierSourcesConfigInput = z.input<typeof supplierSourcesConfigSchema>;

/** Reads the JSON text of a sources setting; a mistake names the field (`sources.1.credentials.appKey`). */
export function parseSupplierSourcesConfig(text: string): SupplierSourcesConfig {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`supplier sources: not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }]);
  }
  const result = supplierSourcesConfigSchema.safeParse(document);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ValidationError(`supplier sources: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`, issues);
}
