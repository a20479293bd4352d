import { Injectable, Logger } from '@nestjs/common';
import { type BlacklistExpiryReport, ExpireBlacklistEntries } from '@supply-hub/catalog-application';
import { InjectServiceConfig, type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';
import { ActiveBlacklistService } from './active-blacklist.service';

/** Entries past their expiry are marked expired and announced (BLACKLIST_EXPIRY_SWEEP, every BLACKLIST_EXPIRY_SWEEP_INTERVAL_MS). */
@Injectable()
export class BlacklistExpirySweep extends PeriodicTask<BlacklistExpiryReport> {
  protected readonly logger = new Logger(BlacklistExpirySweep.name);

  constructor(
    private readonly expire: ExpireBlacklistEntries,
    private readonly active: ActiveBlacklistService,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.BLACKLIST_EXPIRY_SWEEP, intervalMs: this.config.BLACKLIST_EXPIRY_SWEEP_INTERVAL_MS, what: 'blacklist expiry sweep' };
  }

  async runOnce(): Promise<BlacklistExpiryReport> {
    const report = await this.expire.execute();
    for (const change of report.expired) this.active.apply(change);
    if (report.expired.length > 0) this.logger.log({ entries: report.expired.map((change) => change.entryId) }, 'blacklist entries expired');
    return report;
  }
}
