import { randomUUID } from 'node:crypto';
import {
  type CatalogStore,
  EMPTY_COUNTS,
  type PageCounts,
  readAhead,
  type SourcePage,
  type SourceStateStore,
  type SupplierSource,
  type SyncJob,
  type SyncJobCounts,
  type SyncJobStore,
  type SyncLeaseStore,
  type SyncMode,
} from '@supply-hub/catalog-domain';
import { ConflictError, DomainError, NotFoundError } from '@supply-hub/errors';
import type { PageProcessor } from './page-processor';

export class SyncAlreadyRunningError extends ConflictError {
  override readonly code = 'sync-already-running';

  constructor(sourceId: string, jobId: string) {
    super(`a sync of ${sourceId} is already running (job ${jobId})`, { sourceId, jobId });
  }
}

export interface SyncRunnerOptions {
  processor: PageProcessor;
  store: CatalogStore;
  jobs: SyncJobStore;
  states: SourceStateStore;
  leases: SyncLeaseStore;
  sourceOf: (sourceId: string) => SupplierSource | undefined;
  /** This process, as lease holder (`host:pid`). */
  holder: string;
  leaseTtlMs?: number;
  clock?: () => Date;
  onProgress?: (job: SyncJob) => void;
  onError?: (job: SyncJob, error: unknown) => void;
  /**
   * How often in a row a pull that stopped because the supplier was unavailable (retries of one call
   * used up, a breaker open) is resumed from its last checkpoint before the job fails, and the first wait
   * between (doubling). Every page that gets through restores the budget.
   */
  pullRetries?: number;
  pullRetryDelayMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Pages a full pull fetches ahead of the one being stored. */
  readAheadPages?: number;
}

export interface StartedSync {
  job: SyncJob;
  /** Settles when the run ends (completed, failed or stopped for shutdown). */
  done: Promise<SyncJob>;
}

const STALE_BATCH = 200;

/**
 * Runs sync jobs: one source at a time per lease, page after page, each page's work saved before its
 * cursor becomes the checkpoint. A job whose process died stays `running`; once its lease has run out,
 * `resume` picks it up at its checkpoint.
 */
export class SyncRunner {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<SyncJob> }>();
  private readonly leaseTtlMs: number;
  private readonly clock: () => Date;

  constructor(private readonly options: SyncRunnerOptions) {
    this.leaseTtlMs = options.leaseTtlMs ?? 30_000;
    this.clock = options.clock ?? (() => new Date());
  }

  async start(sourceId: string, mode: SyncMode, trigger: string): Promise<StartedSync> {
    if (!this.options.sourceOf(sourceId)) throw new NotFoundError('source', sourceId);
    const now = this.clock();
    const jobId = `sync_${now
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}_${sourceId}_${randomUUID().slice(0, 8)}`;
    await this.acquire(sourceId, jobId);
    const state = await this.options.states.get(sourceId);
    const job: SyncJob = {
      jobId,
      sourceId,
      mode,
      state: 'running',
      trigger,
      cursor: null,
      seq: 0,
      since: mode === 'incremental' ? state.since : null,
      detectStale: mode === 'full' && state.lastFullSyncAt !== null,
      counts: { ...EMPTY_COUNTS },
      startedAt: now,
      updatedAt: now,
      resumes: 0,
    };
    try {
      await this.options.jobs.create(job);
    } catch (error) {
      await this.options.leases.release(sourceId, this.options.holder);
      throw error;
    }
    return { job, done: this.launch(job) };
  }

  /** Takes over a `running` job whose process is gone; refuses while someone holds its source's lease. */
  async resume(jobId: string): Promise<StartedSync> {
    const job = await this.options.jobs.get(jobId);
    if (!job) throw new NotFoundError('sync job', jobId);
    if (job.state !== 'running') throw new ConflictError(`sync job ${jobId} is ${job.state}`, { jobId, state: job.state });
    await this.acquire(job.sourceId, job.jobId);
    await this.options.jobs.markResumed(jobId);
    const resumed = { ...job, resumes: job.resumes + 1 };
    return { job: resumed, done: this.launch(resumed) };
  }

  /** Jobs left `running` by a process that died: resumed when their lease is free. */
  async resumeOrphans(): Promise<StartedSync[]> {
    const started: StartedSync[] = [];
    for (const job of await this.options.jobs.list({ state: 'running' }, 100)) {
      if (this.running.has(job.sourceId)) continue;
      if (await this.options.leases.holderOf(job.sourceId, this.clock())) continue;
      try {
        started.push(await this.resume(job.jobId));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return started;
  }

  isRunning(sourceId: string): boolean {
    return this.running.has(sourceId);
  }

  /** Stops every run at its next page boundary; the jobs stay `running` and resume on the next start. */
  async stopAll(): Promise<void> {
    for (const run of this.running.values()) run.abort.abort();
    await Promise.allSettled([...this.running.values()].map((run) => run.done));
  }

  private async acquire(sourceId: string, jobId: string): Promise<void> {
    if (!(await this.options.leases.acquire(sourceId, this.options.holder, jobId, this.leaseTtlMs, this.clock()))) {
      const holder = await this.options.leases.holderOf(sourceId, this.clock());
      throw new SyncAlreadyRunningError(sourceId, holder?.jobId ?? 'unknown');
    }
  }

  private launch(job: SyncJob): Promise<SyncJob> {
    const abort = new AbortController();
    const renew = setInterval(() => {
      this.options.leases.renew(job.sourceId, this.options.holder, this.leaseTtlMs, this.clock()).then(
        (kept) => kept || abort.abort(new Error('lost the sync lease')),
        () => undefined,
      );
    }, this.leaseTtlMs / 3);
    renew.unref?.();
    const done = this.run(job, abort.signal).finally(async () => {
      clearInterval(renew);
      this.running.delete(job.sourceId);
      await this.options.leases.release(job.sourceId, this.options.holder).catch(() => undefined);
    });
    this.running.set(job.sourceId, { abort, done });
    return done;
  }

  private async run(job: SyncJob, signal: AbortSignal): Promise<SyncJob> {
    const source = this.options.sourceOf(job.sourceId)!;
    const counts: SyncJobCounts = { ...job.counts };
    let { cursor, seq } = job;
    let totalHint = job.totalHint;
    let retriesLeft = this.options.pullRetries ?? 6;
    let delayMs = this.options.pullRetryDelayMs ?? 1_000;
    try {
      for (;;) {
        try {
          // A full pull reads ahead: fetching the next page overlaps with storing this one. An incremental
          // pull does not, because sources acknowledge change messages when the next page is asked for.
          const pages: AsyncIterable<SourcePage> =
            job.mode === 'full'
              ? readAhead(source.fullSync({ resumeFrom: cursor, signal }), this.options.readAheadPages ?? 2)
              : source.changesSince(job.since, { resumeFrom: cursor, signal });
          for await (const page of pages) {
            if (signal.aborted) return { ...job, counts, cursor, seq };
            seq++;
            const context = { sourceId: job.sourceId, jobId: job.jobId, seq, at: this.clock() };
            const outcome = await this.options.processor.process(page, context);
            add(counts, outcome.counts);
            if (page.removedExternalIds.length > 0) {
              const removed = await this.options.processor.delistOffers(
                page.removedExternalIds.map((id) => `${job.sourceId}:${id}`),
                context,
              );
              add(counts, removed.counts);
              counts.delisted += removed.offerIds.length;
            }
            if (job.detectStale && outcome.offerIds.length > 0) await this.options.jobs.recordSeen(job.jobId, seq, outcome.offerIds);
            counts.pages++;
            cursor = page.cursor;
            totalHint = page.totalHint ?? totalHint;
            await this.options.jobs.saveProgress(job.jobId, { cursor, seq, counts, totalHint, updatedAt: this.clock() });
            this.options.onProgress?.({ ...job, counts, cursor, seq, totalHint, updatedAt: this.clock() });
            // A page got through: the supplier is back, and the next outage gets the whole budget again.
            retriesLeft = this.options.pullRetries ?? 6;
            delayMs = this.options.pullRetryDelayMs ?? 1_000;
          }
          break;
        } catch (error) {
          // The supplier is away for now: carry on from the checkpoint after a while, a few times.
          if (signal.aborted || retriesLeft === 0 || !(error instanceof DomainError && error.kind === 'unavailable')) throw error;
          retriesLeft--;
          await (this.options.sleep ?? abortableSleep)(delayMs, signal);
          delayMs = Math.min(delayMs * 2, 60_000);
        }
      }
      if (signal.aborted) return { ...job, counts, cursor, seq };
      if (job.detectStale) {
        seq = await this.delistUnseen(job, seq, counts);
        await this.options.jobs.forgetSeen(job.jobId);
      }
      const finishedAt = this.clock();
      await this.options.jobs.finish(job.jobId, { state: 'completed', counts, finishedAt });
      const state = await this.options.states.get(job.sourceId);
      await this.options.states.save({
        ...state,
        since: cursor ?? state.since,
        ...(job.mode === 'full' ? { lastFullSyncAt: finishedAt } : { lastIncrementalAt: finishedAt }),
      });
      const finished: SyncJob = { ...job, state: 'completed', counts, cursor, seq, totalHint, finishedAt, updatedAt: finishedAt };
      this.options.onProgress?.(finished);
      return finished;
    } catch (error) {
      if (signal.aborted) return { ...job, counts, cursor, seq };
      const finishedAt = this.clock();
      const message = error instanceof Error ? error.message : String(error);
      await this.options.jobs.finish(job.jobId, { state: 'failed', counts, finishedAt, error: message }).catch(() => undefined);
      const failed: SyncJob = { ...job, state: 'failed', counts, cursor, seq, finishedAt, error: message };
      this.options.onError?.(failed, error);
      return failed;
    }
  }

  /** After a complete full pull: the source's stored offers it did not list any more are delisted. */
  private async delistUnseen(job: SyncJob, seq: number, counts: SyncJobCounts): Promise<number> {
    const seen = new Set<string>();
    for await (const id of this.options.jobs.seenOfferIds(job.jobId)) seen.add(id);
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      seq++;
      const outcome = await this.options.processor.delistOffers(batch, { sourceId: job.sourceId, jobId: job.jobId, seq, at: this.clock() });
      add(counts, outcome.counts);
      counts.delisted += outcome.offerIds.length;
      batch = [];
    };
    for await (const offerId of this.options.store.offerIdsOf(job.sourceId)) {
      if (seen.has(offerId)) continue;
      batch.push(offerId);
      if (batch.length >= STALE_BATCH) await flush();
    }
    await flush();
    return seq;
  }
}

function add(total: SyncJobCounts, page: PageCounts): void {
  total.seen += page.seen;
  total.offersWritten += page.offersWritten;
  total.unchanged += page.unchanged;
  total.quarantined += page.quarantined;
  total.productsWritten += page.productsWritten;
  total.events += page.events;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
