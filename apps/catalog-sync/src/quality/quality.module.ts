import { Module } from '@nestjs/common';
import { CurationModule } from '../curation/curation.module';
import { SyncModule } from '../sync/sync.module';
import { QualityController } from './quality.controller';
import { QualityEventsConsumer } from './quality-events.consumer';
import { qualityProviders } from './quality.providers';

/** Quality scores from after-sales' signals and order-router's facts; a SKU in breach is suspended by curation. */
@Module({
  imports: [SyncModule, CurationModule],
  controllers: [QualityController, QualityEventsConsumer],
  providers: qualityProviders,
})
export class QualityModule {}
