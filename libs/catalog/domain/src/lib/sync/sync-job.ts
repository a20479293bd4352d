/** What one page (or a batch of delistings) did. */
export interface PageCounts {
  seen: number;
  offersWritten: number;
  unchanged: number;
  quarantined: number;
  productsWritten: number;
  events: number;
}

export type SyncMode = 'full' | 'incremental';
export type SyncJobState = 'running' | 'completed' | 'failed';

export interface SyncJobCounts extends PageCounts {
  pages: number;
  /** Offers delisted because the source no longer lists them. */
  delisted: number;
}

export const EMPTY_COUNTS: SyncJobCounts = { pages: 0, seen: 0, offersWritten: 0, unchanged: 0, quarantined: 0, productsWritten: 0, events: 0, delisted: 0 };

/** One run of one source's sync, persisted so that it can be watched and resumed after a crash. */
export interface SyncJob {
  jobId: string;
  sourceId: string;
  mode: SyncMode;
  state: SyncJobState;
  /** Why it was started: `api`, `cli`, `schedule`, `startup`. */
  trigger: string;
  /** Where the pull resumes (the cursor of the last page whose work is saved). */
  cursor: string | null;
  /** Pages done; the next page is `seq + 1`. */
  seq: number;
  /** For an incremental pull: what it asked changes since. */
  since: string | null;
  /** The source had a completed full sync before this one (so offers it no longer lists can exist). */
  detectStale: boolean;
  counts: SyncJobCounts;
  totalHint?: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  error?: string;
  /** How often it was picked up again after its process died. */
  resumes: number;
}

/** Records per second since the start, and the remaining time when the source said how many to expect. */
export function progressOf(job: SyncJob, now: Date): { ratePerSecond: number; etaSeconds: number | null; percent: number | null } {
  const seconds = Math.max(0.001, ((job.finishedAt ?? now).getTime() - job.startedAt.getTime()) / 1000);
  const ratePerSecond = job.counts.seen / seconds;
  if (!job.totalHint || job.totalHint <= 0) return { ratePerSecond, etaSeconds: null, percent: null };
  const percent = Math.min(100, (job.counts.seen / job.totalHint) * 100);
  const left = Math.max(0, job.totalHint - job.counts.seen);
  return { ratePerSecond, etaSeconds: job.state === 'running' ? (ratePerSecond > 0 ? left / ratePerSecond : null) : 0, percent };
}
