import type { SourceStateStore, SourceSyncState, SyncJob, SyncJobCounts, SyncJobStore, SyncLeaseStore } from '@supply-hub/catalog-domain';

/** The sync's job, state and lease stores in memory, for unit tests of the runner. */
export class InMemorySyncJobStore implements SyncJobStore {
  readonly jobs = new Map<string, SyncJob>();
  readonly seen = new Map<string, string[]>();

  async create(job: SyncJob): Promise<void> {
    this.jobs.set(job.jobId, structuredClone(job));
  }
  async get(jobId: string): Promise<SyncJob | null> {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job) : null;
  }
  async list(filter: { sourceId?: string; state?: SyncJob['state'] }, limit: number): Promise<SyncJob[]> {
    return [...this.jobs.values()]
      .filter((job) => (!filter.sourceId || job.sourceId === filter.sourceId) && (!filter.state || job.state === filter.state))
      .slice(0, limit);
  }
  async saveProgress(
    jobId: string,
    progress: { cursor: string | null; seq: number; counts: SyncJobCounts; totalHint?: number; updatedAt: Date },
  ): Promise<void> {
    Object.assign(this.jobs.get(jobId)!, structuredClone(progress));
  }
  async finish(jobId: string, outcome: { state: 'completed' | 'failed'; counts: SyncJobCounts; finishedAt: Date; error?: string }): Promise<void> {
    Object.assign(this.jobs.get(jobId)!, structuredClone(outcome));
  }
  async markResumed(jobId: string): Promise<void> {
    this.jobs.get(jobId)!.resumes++;
  }
  async recordSeen(jobId: string, seq: number, offerIds: readonly string[]): Promise<void> {
    this.seen.set(`${jobId}:${seq}`, [...offerIds]);
  }
  async *seenOfferIds(jobId: string): AsyncIterable<string> {
    for (const [key, ids] of this.seen) if (key.startsWith(`${jobId}:`)) yield* ids;
  }
  async forgetSeen(jobId: string): Promise<void> {
    for (const key of [...this.seen.keys()]) if (key.startsWith(`${jobId}:`)) this.seen.delete(key);
  }
}

export class InMemorySourceStateStore implements SourceStateStore {
  readonly states = new Map<string, SourceSyncState>();
  async get(sourceId: string): Promise<SourceSyncState> {
    return this.states.get(sourceId) ?? { sourceId, since: null, lastFullSyncAt: null, lastIncrementalAt: null };
  }
  async save(state: SourceSyncState): Promise<void> {
    this.states.set(state.sourceId, { ...state });
  }
}

export class InMemorySyncLeaseStore implements SyncLeaseStore {
  readonly leases = new Map<string, { holder: string; jobId: string; expiresAt: number }>();
  async acquire(sourceId: string, holder: string, jobId: string, ttlMs: number, now: Date): Promise<boolean> {
    const lease = this.leases.get(sourceId);
    if (lease && lease.expiresAt > now.getTime()) return false;
    this.leases.set(sourceId, { holder, jobId, expiresAt: now.getTime() + ttlMs });
    return true;
  }
  async renew(sourceId: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const lease = this.leases.get(sourceId);
    if (!lease || lease.holder !== holder) return false;
    lease.expiresAt = now.getTime() + ttlMs;
    return true;
  }
  async release(sourceId: string, holder: string): Promise<void> {
    if (this.leases.get(sourceId)?.holder === holder) this.leases.delete(sourceId);
  }
  async holderOf(sourceId: string, now: Date): Promise<{ holder: string; jobId: string } | null> {
    const lease = this.leases.get(sourceId);
    return lease && lease.expiresAt > now.getTime() ? { holder: lease.holder, jobId: lease.jobId } : null;
  }
}
