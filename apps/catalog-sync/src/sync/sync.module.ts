import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CurationRulesCache } from '@supply-hub/catalog-application';
import { MongoCatalogStore, MongoCurationRuleStore } from '@supply-hub/catalog-data-access';
import { CurationRulesRefresh } from './curation-rules-refresh.service';
import { SyncJobsController } from './sync-jobs.controller';
import { SupplierScoresRefresh } from './supplier-scores-refresh.service';
import { SyncLifecycle } from './sync-lifecycle.service';
import { syncProviders } from './sync.providers';
import { CATALOG_DB } from './sync.tokens';

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [SyncJobsController],
  providers: [...syncProviders, SyncLifecycle, CurationRulesRefresh, SupplierScoresRefresh],
  exports: [MongoCatalogStore, CATALOG_DB, CurationRulesCache, MongoCurationRuleStore],
})
export class SyncModule {}
