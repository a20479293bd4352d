import { Injectable, Logger } from '@nestjs/common';
import { SupplierQualityProfiles } from '@supply-hub/catalog-application';
import { InjectServiceConfig, type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/** Re-reads the supplier quality scores the best-offer choice uses (SUPPLIER_SCORES_REFRESH_INTERVAL_MS). */
@Injectable()
export class SupplierScoresRefresh extends PeriodicTask<number> {
  protected readonly logger = new Logger(SupplierScoresRefresh.name);

  constructor(
    private readonly profiles: SupplierQualityProfiles,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: true, intervalMs: this.config.SUPPLIER_SCORES_REFRESH_INTERVAL_MS, what: 'supplier scores refresh' };
  }

  runOnce(): Promise<number> {
    return this.profiles.refresh();
  }
}
