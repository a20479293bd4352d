import { httpClientSettingsSchema } from '@supply-hub/http-client';
import { JD_DEFAULT_AREA, jdAreaSchema } from '@supply-hub/supplier-protocols';
import { z } from 'zod';

export const jdSourceConfigSchema = z.object({
  kind: z.literal('jd'),
  /** The sourceId records carry: `jd`. */
  id: z.string().min(1),
  /** Up to, not including, `oauth2/` and `api/`: `https://bizapi.jd.com/` or the sandbox's `http://127.0.0.1:3005/jd/`. */
  baseUrl: z.url(),
  credentials: z.object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    username: z.string().min(1),
    /** The account password in plain text; it is sent only as its MD5. */
    password: z.string().min(1),
  }),
  /** The area stock is asked for (`province_city_county` JD ids); default 北京 `1_0_0`. */
  area: jdAreaSchema.default(JD_DEFAULT_AREA),
  /** getDetail calls in flight at once (one call per SKU). */
  detailConcurrency: z.number().int().min(1).max(64).default(16),
  /** Records per SourcePage of a full sync and of changed SKUs; also the batch size of the ≤100-SKU calls. */
  recordsPerPage: z.number().int().min(1).max(100).default(100),
  /**
   * Records per SourcePage of the stock poll of an incremental pull (stock calls go 100 at a time). The
   * default equals recordsPerPage so that stock pages cover the same slices as full-sync pages and carry
   * the same snapshotKey: the pipeline then compares a whole page with one read.
   */
  stockRecordsPerPage: z.number().int().min(1).max(10_000).default(100),
  /** Stock pages fetched ahead of the one the pipeline is storing. */
  stockReadAheadPages: z.number().int().min(0).max(16).default(4),
  /** Pages of messages one incremental pull takes at most, so a flood cannot keep one pull running forever. */
  maxMessagePages: z.number().int().min(1).default(200),
  /** Renew the access token this long before JD says it expires. */
  tokenRenewBeforeMs: z
    .number()
    .int()
    .nonnegative()
    .default(5 * 60 * 1000),
  http: httpClientSettingsSchema.prefault({}),
});

export type JdSourceConfig = z.output<typeof jdSourceConfigSchema>;
export type JdSourceConfigInput = z.input<typeof jdSourceConfigSchema>;
