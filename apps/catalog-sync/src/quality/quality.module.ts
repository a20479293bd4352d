import { Module } from '@nestjs/common';
import { CurationModule } from '../curation/curation.module';
import { SyncModule } from '../sync/sync.module';
import { EliminationController } from './elimination.controller';
import { InspectionRecovery } from './inspection-recovery.service';
import { InspectionsController } from './inspections.controller';
import { QualityController } from './quality.controller';
import { QualityEventsConsumer } from './quality-events.consumer';
import { qualityProviders } from './quality.providers';

/**
 * Quality scores from after-sales' signals, order-router's facts and sample inspections; a SKU in breach or
 * failing an inspection is suspended by curation. And the elimination report.
 */
@Module({
  imports: [SyncModule, CurationModule],
  controllers: [QualityController, InspectionsController, EliminationController, QualityEventsConsumer],
  providers: [...qualityProviders, InspectionRecovery],
})
export class QualityModule {}
