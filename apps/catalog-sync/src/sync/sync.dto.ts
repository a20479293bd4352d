import { z } from 'zod';

export const startSyncSchema = z.strictObject({
  sourceId: z.string().min(1).max(60).describe('A configured source: jd, taobao, brand-midea, …'),
  mode: z.enum(['full', 'incremental']).default('incremental').describe('full: everything the source lists; incremental: what changed since the last pull'),
});
export type StartSync = z.output<typeof startSyncSchema>;

export const listJobsQuerySchema = z.strictObject({
  sourceId: z.string().min(1).max(60).optional(),
  state: z.enum(['running', 'completed', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const jobIdSchema = z.string().regex(/^sync_[A-Za-z0-9_-]{1,120}$/, 'must be a sync job id (sync_…)');

export const quarantineQuerySchema = z.strictObject({
  sourceId: z.string().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const countsSchema = z.object({
  pages: z.number(),
  seen: z.number(),
  offersWritten: z.number(),
  unchanged: z.number(),
  quarantined: z.number(),
  productsWritten: z.number(),
  events: z.number(),
  delisted: z.number(),
});

export const syncJobViewSchema = z
  .object({
    jobId: z.string(),
    sourceId: z.string(),
    mode: z.enum(['full', 'incremental']),
    state: z.enum(['running', 'completed', 'failed']),
    trigger: z.string(),
    counts: countsSchema,
    progress: z.object({ ratePerSecond: z.number(), etaSeconds: z.number().nullable(), percent: z.number().nullable(), totalHint: z.number().nullable() }),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    error: z.string().nullable(),
    resumes: z.number(),
  })
  .meta({ id: 'SyncJob' });
export type SyncJobView = z.output<typeof syncJobViewSchema>;
