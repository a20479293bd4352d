import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CatalogEventRelay, SyncAlreadyRunningError, SyncRunner } from '@supply-hub/catalog-application';
import type { SyncMode } from '@supply-hub/catalog-domain';
import type { SupplierSources } from '@supply-hub/catalog-suppliers';
import { InjectServiceConfig } from '@supply-hub/platform';
import { CronJob } from 'cron';
import { Logger } from 'nestjs-pino';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';
import { SUPPLIER_SOURCES } from './sync.tokens';

/**
 * Starts what runs by itself: the event relay, jobs a dead process left running, and the cron schedule
 * per source. On shutdown the running syncs stop at a page boundary (they resume on the next start) and
 * the relay publishes what is saved.
 */
@Injectable()
export class SyncLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: SyncRunner,
    private readonly relay: CatalogEventRelay,
    @Inject(SUPPLIER_SOURCES) private readonly sources: SupplierSources,
    private readonly scheduler: SchedulerRegistry,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
    private readonly logger: Logger,
  ) {}

  private orphanCheck: NodeJS.Timeout | undefined;

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    if (this.config.SYNC_RESUME_ON_START) {
      await this.resumeOrphans();
      // A job whose process just died keeps its lease until the lease runs out: look again regularly.
      this.orphanCheck = setInterval(() => void this.resumeOrphans(), this.config.SYNC_LEASE_TTL_MS);
      this.orphanCheck.unref();
    }
    for (const [sourceId, schedule] of Object.entries(this.config.SYNC_SCHEDULE ?? {})) {
      if (!this.sources.get(sourceId)) throw new Error(`SYNC_SCHEDULE names source "${sourceId}", which SUPPLIER_SOURCES does not have`);
      for (const mode of ['full', 'incremental'] as const) {
        const expression = schedule[mode];
        if (expression) this.schedule(sourceId, mode, expression);
      }
    }
  }

  private async resumeOrphans(): Promise<void> {
    try {
      for (const { job } of await this.runner.resumeOrphans()) this.logger.log(`resumed sync job ${job.jobId} (${job.sourceId}) at page ${job.seq + 1}`);
    } catch (error) {
      this.logger.error({ err: error }, 'could not resume orphaned sync jobs');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.orphanCheck);
    for (const name of this.scheduler.getCronJobs().keys()) await this.scheduler.getCronJob(name).stop();
    await this.runner.stopAll();
    await this.relay.flush();
    this.sources.close();
  }

  private schedule(sourceId: string, mode: SyncMode, expression: string): void {
    const job = CronJob.from({
      cronTime: expression,
      timeZone: 'Asia/Shanghai',
      onTick: async () => {
        try {
          const started = await this.runner.start(sourceId, mode, 'schedule');
          this.logger.log(`scheduled ${mode} sync of ${sourceId} started: ${started.job.jobId}`);
        } catch (error) {
          // Another instance (or a manual start) is on it: the schedule simply skips this turn.
          if (!(error instanceof SyncAlreadyRunningError)) this.logger.error({ err: error }, `scheduled ${mode} sync of ${sourceId} could not start`);
        }
      },
    });
    this.scheduler.addCronJob(`sync:${sourceId}:${mode}`, job as never);
    job.start();
  }
}
