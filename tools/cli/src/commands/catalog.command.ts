import { Command, Option } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { type Api, catalogSyncUrlOption, staffApi } from './api-client';
import { type MixReport, mixReportTable } from './mix-report';
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
 * `supply-hub catalog mix-report`: the catalog mix report (GET /reports/mix) as a table.
 */
export function catalogCommand(output: Output): Command {
  const catalog = new Command('catalog').description('catalog syncs and reports');
  catalog
    .command('sync')
    .description('start syncs of supplier sources and follow their progress')
    .argument('<sources...>', 'source ids (jd, taobao, brand-midea, …) or "all"')
    .option('--full', 'a full sync instead of an incremental one')
    .addOption(catalogSyncUrlOption())
    .option('--no-wait', 'start and return the job ids')
    .option('--interval <ms>', 'how often progress is read', '500')
    .option('--json', 'print the finished jobs as JSON')
    .action(async (sources: string[], options: SyncOptions) => {
      const api = await staffApi(options.url, { sub: 'cli', roles: ['operations'], command: 'supply-hub catalog' });
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
  catalog
    .command('mix-report')
    .description('the share of each category family and points band among sellable SKUs, against a target mix')
    .addOption(
      new Option('--preset <preset>', 'target mix').choices(['generic', 'finance', 'retail', 'internet', 'everyday-quality-scarce']).default('generic'),
    )
    .option('--mall <mallId>', "within this mall's selection pool")
    .addOption(catalogSyncUrlOption())
    .option('--json', 'print the report as JSON')
    .action(async (options: { preset: string; mall?: string; url: string; json?: boolean }) => {
      const api = await staffApi(options.url, { sub: 'cli', roles: ['operations'], command: 'supply-hub catalog' });
      const query = new URLSearchParams({ preset: options.preset, ...(options.mall ? { mallId: options.mall } : {}) });
      const report = (await api('GET', `/reports/mix?${query}`)) as MixReport;
      if (options.json) return output.json(report);
      const table = mixReportTable(report);
      output.line(table.heading);
      output.table(table.headers, table.rows);
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
