/** What the CLI reads of a sync job (GET /sync/jobs/:id). */
export interface SyncJobProgress {
  jobId: string;
  sourceId: string;
  mode: string;
  state: 'running' | 'completed' | 'failed';
  counts: { seen: number; offersWritten: number; quarantined: number; events: number };
  progress: { ratePerSecond: number; etaSeconds: number | null; totalHint: number | null };
  error: string | null;
}

/** The text after a source's bar: counts, rate, ETA or outcome. */
export function progressLine(job: SyncJobProgress): string {
  const { counts, progress } = job;
  const base = `${counts.seen} seen, ${counts.offersWritten} written, ${counts.quarantined} quarantined, ${counts.events} events, ${Math.round(progress.ratePerSecond)}/s`;
  if (job.state === 'failed') return `${base}, FAILED: ${job.error ?? 'unknown error'}`;
  if (job.state === 'completed') return `${base}, done`;
  return progress.etaSeconds === null ? base : `${base}, ETA ${formatSeconds(progress.etaSeconds)}`;
}

export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}
