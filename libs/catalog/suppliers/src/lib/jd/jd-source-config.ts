import { jdConnectionConfigSchema } from '@supply-hub/supplier-clients';
import { JD_DEFAULT_AREA, jdAreaSchema } from '@supply-hub/supplier-protocols';
import { z } from 'zod';

/** A JD account as catalog sync reads it: the shared connection (id, baseUrl, credentials, http) and how to page it. */
export const jdSourceConfigSchema = jdConnectionConfigSchema.extend({
  /** The area stock is asked for (`province_city_county` JD ids); default 北京 `1_0_0`. */
  area: jdAreaSchema.default(JD_DEFAULT_AREA),
  /** getDetail calls in flight at once (one call per SKU). */
  detailConcurrency: z.number().int().min(1).max(64).default(16),
  /**
   * Records per SourcePage of a full sync (the ≤100-SKU calls go in batches of 100 within a page). Each page
   * costs the store a fixed handful of commands and a checkpoint whatever its size, so pages larger than
   * JD's batches cost less per SKU; a crash re-reads at most one page.
   */
  recordsPerPage: z.number().int().min(1).max(1_000).default(500),
  /**
   * Records per SourcePage of the stock poll of an incremental pull (stock calls go 100 at a time). The
   * default equals recordsPerPage so that stock pages cover the same slices as full-sync pages and carry
   * the same snapshotKey: the pipeline then compares a whole page with one read.
   */
  stockRecordsPerPage: z.number().int().min(1).max(10_000).default(500),
  /** Stock pages fetched ahead of the one the pipeline is storing. */
  stockReadAheadPages: z.number().int().min(0).max(16).default(4),
  /** Pages of messages one incremental pull takes at most, so a flood cannot keep one pull running forever. */
  maxMessagePages: z.number().int().min(1).default(200),
});

export type JdSourceConfig = z.output<typeof jdSourceConfigSchema>;
export type JdSourceConfigInput = z.input<typeof jdSourceConfigSchema>;
