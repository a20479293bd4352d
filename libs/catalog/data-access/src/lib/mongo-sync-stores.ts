import type { SourceStateStore, SourceSyncState, SyncJob, SyncJobCounts, SyncJobStore, SyncLeaseStore } from '@supply-hub/catalog-domain';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

type SyncJobDocument = Omit<SyncJob, 'jobId'> & { _id: string };

/** Sync jobs: a small collection (one document per run), listed by scan. */
export class MongoSyncJobStore implements SyncJobStore {
  private readonly jobs: Collection<SyncJobDocument>;
  private readonly seen: Collection<{ _id: string; jobId: string; offerIds: string[] }>;

  constructor(db: Db) {
    this.jobs = db.collection<SyncJobDocument>(CATALOG_COLLECTIONS.syncJobs);
    this.seen = db.collection(CATALOG_COLLECTIONS.syncSeen);
  }

  async ensureIndexes(): Promise<void> {
    await this.jobs.createIndex({ state: 1, startedAt: -1 });
    await this.seen.createIndex({ jobId: 1 });
  }

  async create(job: SyncJob): Promise<void> {
    const { jobId, ...rest } = job;
    await this.jobs.insertOne({ _id: jobId, ...rest });
  }

  async get(jobId: string): Promise<SyncJob | null> {
    const document = await this.jobs.findOne({ _id: jobId });
    return document ? fromDocument(document) : null;
  }

  async list(filter: { sourceId?: string; state?: SyncJob['state'] }, limit: number): Promise<SyncJob[]> {
    const documents = await this.jobs
      .find({ ...(filter.sourceId ? { sourceId: filter.sourceId } : {}), ...(filter.state ? { state: filter.state } : {}) })
      .sort({ startedAt: -1 })
      .limit(limit)
      .toArray();
    return documents.map(fromDocument);
  }

  async saveProgress(
    jobId: string,
    progress: { cursor: string | null; seq: number; counts: SyncJobCounts; totalHint?: number; updatedAt: Date },
  ): Promise<void> {
    await this.jobs.updateOne({ _id: jobId }, { $set: { ...progress } });
  }

  async finish(jobId: string, outcome: { state: 'completed' | 'failed'; counts: SyncJobCounts; finishedAt: Date; error?: string }): Promise<void> {
    await this.jobs.updateOne({ _id: jobId }, { $set: { ...outcome, updatedAt: outcome.finishedAt } });
  }

  async markResumed(jobId: string): Promise<void> {
    await this.jobs.updateOne({ _id: jobId }, { $inc: { resumes: 1 } });
  }

  async recordSeen(jobId: string, seq: number, offerIds: readonly string[]): Promise<void> {
    const _id = `${jobId}:${seq}`;
    await this.seen.replaceOne({ _id }, { jobId, offerIds: [...offerIds] }, { upsert: true });
  }

  async *seenOfferIds(jobId: string): AsyncIterable<string> {
    for await (const page of this.seen.find({ jobId })) yield* page.offerIds;
  }

  async forgetSeen(jobId: string): Promise<void> {
    await this.seen.deleteMany({ jobId });
  }
}

function fromDocument({ _id, ...rest }: SyncJobDocument): SyncJob {
  return { jobId: _id, ...rest };
}

export class MongoSourceStateStore implements SourceStateStore {
  private readonly states: Collection<Omit<SourceSyncState, 'sourceId'> & { _id: string }>;

  constructor(db: Db) {
    this.states = db.collection(CATALOG_COLLECTIONS.sourceStates);
  }

  async get(sourceId: string): Promise<SourceSyncState> {
    const document = await this.states.findOne({ _id: sourceId });
    if (!document) return { sourceId, since: null, lastFullSyncAt: null, lastIncrementalAt: null };
    const { _id, ...rest } = document;
    return { sourceId: _id, ...rest };
  }

  async save(state: SourceSyncState): Promise<void> {
    const { sourceId, ...rest } = state;
    await this.states.replaceOne({ _id: sourceId }, rest, { upsert: true });
  }
}

interface LeaseDocument {
  _id: string;
  holder: string;
  jobId: string;
  expiresAt: Date;
}

/** One document per source; taking it over is a conditional update, atomic on MongoDB and on patched FerretDB. */
export class MongoSyncLeaseStore implements SyncLeaseStore {
  private readonly leases: Collection<LeaseDocument>;

  constructor(db: Db) {
    this.leases = db.collection<LeaseDocument>(CATALOG_COLLECTIONS.syncLeases);
  }

  async acquire(sourceId: string, holder: string, jobId: string, ttlMs: number, now: Date): Promise<boolean> {
    const lease = { holder, jobId, expiresAt: new Date(now.getTime() + ttlMs) };
    try {
      await this.leases.insertOne({ _id: sourceId, ...lease });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const taken = await this.leases.updateOne({ _id: sourceId, expiresAt: { $lt: now } }, { $set: lease });
    return taken.matchedCount === 1;
  }

  async renew(sourceId: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const result = await this.leases.updateOne({ _id: sourceId, holder }, { $set: { expiresAt: new Date(now.getTime() + ttlMs) } });
    return result.matchedCount === 1;
  }

  async release(sourceId: string, holder: string): Promise<void> {
    await this.leases.deleteOne({ _id: sourceId, holder });
  }

  async holderOf(sourceId: string, now: Date): Promise<{ holder: string; jobId: string } | null> {
    const lease = await this.leases.findOne({ _id: sourceId });
    return lease && lease.expiresAt > now ? { holder: lease.holder, jobId: lease.jobId } : null;
  }
}
