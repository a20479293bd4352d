import { Injectable, Logger } from '@nestjs/common';
import { CurationRulesCache } from '@supply-hub/catalog-application';
import { InjectServiceConfig, type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/** Another instance's edit of the curation rules reaches this one's syncs within CURATION_RULES_REFRESH_MS. */
@Injectable()
export class CurationRulesRefresh extends PeriodicTask<void> {
  protected readonly logger = new Logger(CurationRulesRefresh.name);

  constructor(
    private readonly rules: CurationRulesCache,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: true, intervalMs: this.config.CURATION_RULES_REFRESH_MS, what: 'curation rules refresh' };
  }

  runOnce(): Promise<void> {
    return this.rules.refresh();
  }
}
