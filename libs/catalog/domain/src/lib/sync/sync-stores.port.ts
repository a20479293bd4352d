import type { SyncJob, SyncJobCounts } from './sync-job';

export interface SyncJobStore {
  create(job: SyncJob): Promise<void>;
  get(jobId: string): Promise<SyncJob | null>;
  /** Newest first. */
  list(filter: { sourceId?: string; state?: SyncJob['state'] }, limit: number): Promise<SyncJob[]>;
  /** The checkpoint: the page's work is saved, resume after `cursor`. */
  saveProgress(jobId: string, progress: { cursor: string | null; seq: number; counts: SyncJobCounts; totalHint?: number; updatedAt: Date }): Promise<void>;
  finish(jobId: string, outcome: { state: 'completed' | 'failed'; counts: SyncJobCounts; finishedAt: Date; error?: string }): Promise<void>;
  markResumed(jobId: string): Promise<void>;
  /** Offer ids a full sync saw, page by page, so a resumed job still knows them at the end. */
  recordSeen(jobId: string, seq: number, offerIds: readonly string[]): Promise<void>;
  seenOfferIds(jobId: string): AsyncIterable<string>;
  forgetSeen(jobId: string): Promise<void>;
}

export interface SourceSyncState {
  sourceId: string;
  /** The cursor of the last page of the last completed pull: the next incremental's `since`. */
  since: string | null;
  lastFullSyncAt: Date | null;
  lastIncrementalAt: Date | null;
}

export interface SourceStateStore {
  get(sourceId: string): Promise<SourceSyncState>;
  save(state: SourceSyncState): Promise<void>;
}

/**
 * Who may sync a source right now: one holder at a time, for a bounded time renewed while it works, so
 * a dead process's lease runs out and another instance can take the job over.
 */
export interface SyncLeaseStore {
  acquire(sourceId: string, holder: string, jobId: string, ttlMs: number, now: Date): Promise<boolean>;
  renew(sourceId: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  release(sourceId: string, holder: string): Promise<void>;
  /** The current holder, if the lease has not run out. */
  holderOf(sourceId: string, now: Date): Promise<{ holder: string; jobId: string } | null>;
}
