import { Module } from '@nestjs/common';
import { CurateProducts } from '@supply-hub/catalog-application';
import { SyncModule } from '../sync/sync.module';
import { CurationController } from './curation.controller';
import { CurationRulesController } from './curation-rules.controller';
import { CurationBulkController } from './curation-bulk.controller';
import { CatalogSearchModule } from '../catalog/catalog-search.module';
import { curationProviders } from './curation.providers';
import { CurationRecovery } from './curation-recovery.service';

/** Curation: staff's decisions on SKUs, carried to the products, their events and the audit log. */
@Module({
  imports: [SyncModule, CatalogSearchModule],
  controllers: [CurationController, CurationRulesController, CurationBulkController],
  providers: [...curationProviders, CurationRecovery],
  exports: [CurateProducts],
})
export class CurationModule {}
