import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { QualityController } from './quality.controller';
import { QualityEventsConsumer } from './quality-events.consumer';
import { qualityProviders } from './quality.providers';

/** Quality scores from after-sales' signals and order-router's facts, for staff and (next) curation. */
@Module({
  imports: [SyncModule],
  controllers: [QualityController, QualityEventsConsumer],
  providers: qualityProviders,
})
export class QualityModule {}
