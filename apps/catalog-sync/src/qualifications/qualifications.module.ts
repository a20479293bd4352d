import { Module } from '@nestjs/common';
import { CurationModule } from '../curation/curation.module';
import { SyncModule } from '../sync/sync.module';
import { QualificationSweep } from './qualification-sweep.service';
import { QualificationsController } from './qualifications.controller';
import { qualificationsProviders } from './qualifications.providers';

/** Supplier qualifications: the staff API, and the sweep that suspends on expiry and reinstates on renewal. */
@Module({
  imports: [SyncModule, CurationModule],
  controllers: [QualificationsController],
  providers: [...qualificationsProviders, QualificationSweep],
})
export class QualificationsModule {}
