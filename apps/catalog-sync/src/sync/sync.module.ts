import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { SyncJobsController } from './sync-jobs.controller';
import { SupplierScoresRefresh } from './supplier-scores-refresh.service';
import { SyncLifecycle } from './sync-lifecycle.service';
import { syncProviders } from './sync.providers';
import { CATALOG_DB } from './sync.tokens';

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [SyncJobsController],
  providers: [...syncProviders, SyncLifecycle, SupplierScoresRefresh],
  exports: [MongoCatalogStore, CATALOG_DB],
})
export class SyncModule {}
