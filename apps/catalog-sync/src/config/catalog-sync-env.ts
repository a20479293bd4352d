import { DEFAULT_POINTS_BAND_POLICY } from '@supply-hub/catalog-domain';
import { envTypes, SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { z } from 'zod';

/** `{ "<sourceId>": { "incremental": "<cron>", "full": "<cron>" } }`: when each source syncs by itself. */
const scheduleSchema = z.record(z.string().min(1), z.object({ incremental: z.string().min(9).optional(), full: z.string().min(9).optional() }));

const json = <T extends z.ZodType>(schema: T, what: string) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: `must be ${what} as JSON` });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** Every setting catalog-sync reads, validated at start-up (README.md lists them). */
export const catalogSyncEnv = serviceEnvSchema(SERVICES['catalog-sync']).extend({
  /**
   * The supplier sources as JSON (see @supply-hub/catalog-suppliers); unset, the local sandboxes at
   * SUPPLIER_SIM_URL are used. Checked in full when the app starts (a bad entry names its field).
   */
  SUPPLIER_SOURCES: z.string().optional(),
  SUPPLIER_SIM_URL: z.url({ message: 'must be an http(s) URL' }).default(`http://127.0.0.1:${SERVICES['supplier-sim'].port}`),
  SYNC_SCHEDULE: json(scheduleSchema, 'an object of { sourceId: { incremental?, full? } } cron expressions').optional(),
  /** Our margin on the supply price, in basis points (600 = 6%): the contract price malls pay. */
  SYNC_MARGIN_BPS: envTypes.integer({ min: 0, max: 10_000, fallback: 600 }),
  /** Pick up the jobs a dead process left running, at start-up. */
  SYNC_RESUME_ON_START: envTypes.boolean(true),
  /** Catalog write batches in flight at once across all syncs of this instance (FerretDB/SQLite: 1; MongoDB: more). */
  SYNC_CONCURRENT_WRITES: envTypes.integer({ min: 1, max: 64, fallback: 1 }),
  SYNC_LEASE_TTL_MS: envTypes.integer({ min: 1_000, max: 600_000, fallback: 30_000 }),
  /**
   * Serve the mall catalog from an in-memory index (default). A sync-only worker turns it off: the
   * index holds every SKU, so its memory grows with the catalog, which a sync worker's must not.
   */
  CATALOG_SEARCH_INDEX: envTypes.boolean(true),
  CATALOG_EVENT_RELAY_INTERVAL_MS: envTypes.integer({ min: 10, max: 60_000, fallback: 200 }),
  /** Run the sweep that marks blacklist entries past their expiry as expired (and announces it) in this instance. */
  BLACKLIST_EXPIRY_SWEEP: envTypes.boolean(true),
  BLACKLIST_EXPIRY_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 30_000 }),
  /** How often an instance re-reads the active blacklist entries from the store; events keep it current in between. */
  BLACKLIST_RELOAD_INTERVAL_MS: envTypes.integer({ min: 1_000, max: 3_600_000, fallback: 60_000 }),
  /** How often an instance re-reads the curation rules for new SKUs (an edit on this instance applies at once). */
  CURATION_RULES_REFRESH_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 10_000 }),
  /** Points a member pays per yuan of contract price: 10 (1 point = 0.1 yuan) puts the bands at about ¥50 and ¥200. */
  POINTS_PER_YUAN: envTypes.integer({ min: 1, max: 10_000, fallback: DEFAULT_POINTS_BAND_POLICY.pointsPerYuan }),
  /** The first points price of the mid band (below it: low) and of the high band. */
  POINTS_BAND_MID_FROM: envTypes.integer({ min: 1, max: 100_000_000, fallback: DEFAULT_POINTS_BAND_POLICY.midFromPoints }),
  POINTS_BAND_HIGH_FROM: envTypes.integer({ min: 2, max: 100_000_000, fallback: DEFAULT_POINTS_BAND_POLICY.highFromPoints }),
  /** How often an instance re-reads the selection pools: a pool written on another instance applies here within this. */
  POOL_RELOAD_INTERVAL_MS: envTypes.integer({ min: 200, max: 600_000, fallback: 2_000 }),
  /** Run the qualification sweep (30-day warnings, suspension on expiry, restore on renewal) in this instance. */
  QUALIFICATION_SWEEP: envTypes.boolean(true),
  QUALIFICATION_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 86_400_000, fallback: 600_000 }),
  /** How old the sweep's last products scan for a lapse in force may get before it looks for that supplier's new SKUs again. */
  QUALIFICATION_RESCAN_INTERVAL_MS: envTypes.integer({ min: 60_000, max: 30 * 86_400_000, fallback: 86_400_000 }),
  /** How often an instance re-reads the supplier quality scores the best-offer choice uses (held in memory in between). */
  SUPPLIER_SCORES_REFRESH_INTERVAL_MS: envTypes.integer({ min: 1_000, max: 86_400_000, fallback: 300_000 }),
}).superRefine((env, context) => {
  if (env.POINTS_BAND_HIGH_FROM <= env.POINTS_BAND_MID_FROM)
    context.addIssue({ code: 'custom', path: ['POINTS_BAND_HIGH_FROM'], message: `must be above POINTS_BAND_MID_FROM (${env.POINTS_BAND_MID_FROM}): the bands rise low, mid, high` });
});

export type CatalogSyncEnv = z.output<typeof catalogSyncEnv>;
