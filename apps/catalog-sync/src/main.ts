import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { runService } from '@supply-hub/platform';
import { AppModule } from './app.module';
import { catalogSyncEnv } from './config/catalog-sync-env';

void runService({
  name: 'catalog-sync',
  envSchema: catalogSyncEnv,
  module: AppModule,
  transport: (app) => app.get(KafkaEventsStrategy),
});
