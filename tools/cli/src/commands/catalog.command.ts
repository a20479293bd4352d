import { Command, Option } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { issueStaffToken } from '@supply-hub/auth';
import { loadConfigOrExit, SERVICES } from '@supply-hub/config';
import { tokenEnvSchema } from '../cli-env';
import { type Api, apiClient } from './api-client';
import type { Output } from './output';
import { progressLine, type SyncJobProgress } from './sync-progress';

interface SyncOptions {
  full?: boolean;
  url: string;
  wait: boolean;
  json?: boolean;
  interval: string;
}

/**
 * `supply-hub catalog sync <source...|all>`: starts syncs through catalog-sync's staff API and, unless
 * --no-wait, shows one progress bar per source until each has completed or failed (exit 1 if one failed).
 */
export function catalogCommand(output: Output): Command {
  const catalog = new Command('catalog').description('catalog syncs');
  catalog
    .command('sync')
    .description('start syncs of supplier sources and follow their progress')
    .argument('<sources...>', 'source ids (jd, taobao, brand-midea, …) or "all"')
    .option('--full', 'a full sync instead of an incremental one')
    .addOption(new Option('--url <url>', 'catalog-sync base URL').default(`http://127.0.0.1:${SERVICES['catalog-sync'].port}`))
    .option('--no-wait', 'start and return the job ids')
    .option('--interval <ms>', 'how often progress is read', '500')
    .option('--json', 'print the finished jobs as JSON')
    .action(async (sources: string[], options: SyncOptions) => {
      const { STAFF_TOKEN_SECRET } = loadConfigOrExit(tokenEnvSchema, 'supply-hub catalog');
      const token = await issueStaffToken({ sub: 'cli', roles: ['operations'], ttlSeconds: 3600 }, STAFF_TOKEN_SECRET);
      const api = apiClient(options.url, token);
      const ids =
        sources.length === 1 && sources[0] === 'all'
          ? ((await api('GET', '/sync/sources')) as { items: { sourceId: string }[] }).items.map((item) => item.sourceId)
          : sources;
      const mode = options.full ? 'full' : 'incremental';
      const jobs = await Promise.all(ids.map(async (sourceId) => (await api('POST', '/sync/jobs', { sourceId, mode })) as SyncJobProgress));
      if (!options.wait) {
        for (const job of jobs) output.line(`${job.sourceId}\t${job.jobId}`);
        return;
      }
      const finished = await follow(jobs, api, Number(options.interval));
      if (options.json) output.json(finished);
      if (finished.some((job) => job.state === 'failed')) process.exitCode = 1;
    });
  return catalog;
}

/** Polls each job until it ends, drawing a bar per source on a terminal (plain lines otherwise). */
async function follow(started: SyncJobProgress[], api: Api, intervalMs: number): Promise<SyncJobProgress[]> {
  const interactive = Boolean(process.stderr.isTTY);
  const bars = new MultiBar(
    {
      format: '{source} [{bar}] {percentage}% | {line}',
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: !interactive,
      notTTYSchedule: 5_000,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  const width = Math.max(...started.map((job) => job.sourceId.length));
  const barOf = new Map<string, SingleBar>(started.map((job) => [job.jobId, bars.create(1, 0, { source: job.sourceId.padEnd(width), line: 'starting' })]));
  const latest = new Map(started.map((job) => [job.jobId, job]));
  try {
    while ([...latest.values()].some((job) => job.state === 'running')) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      for (const job of [...latest.values()].filter((entry) => entry.state === 'running')) {
        const now = (await api('GET', `/sync/jobs/${job.jobId}`)) as SyncJobProgress;
        latest.set(job.jobId, now);
        const total = now.state === 'running' ? Math.max(now.progress.totalHint ?? 0, now.counts.seen, 1) : Math.max(now.counts.seen, 1);
        barOf.get(job.jobId)!.setTotal(total);
        barOf.get(job.jobId)!.update(now.state === 'running' ? now.counts.seen : total, { line: progressLine(now) });
      }
    }
  } finally {
    bars.stop();
  }
  return [...latest.values()];
}
