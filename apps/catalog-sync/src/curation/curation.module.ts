import { Module } from '@nestjs/common';
import { CurateProducts } from '@supply-hub/catalog-application';
import { SyncModule } from '../sync/sync.module';
import { CurationController } from './curation.controller';
import { curationProviders } from './curation.providers';
import { CurationRecovery } from './curation-recovery.service';

/** Curation: staff's decisions on SKUs, carried to the products, their events and the audit log. */
@Module({
  imports: [SyncModule],
  controllers: [CurationController],
  providers: [...curationProviders, CurationRecovery],
  exports: [CurateProducts],
})
export class CurationModule {}
