import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { runService } from '@supply-hub/platform';
import { AppModule } from './app.module';
import { virtualCodesEnv } from './config/virtual-codes-env';

void runService({
  name: 'virtual-codes',
  envSchema: virtualCodesEnv,
  module: AppModule,
  rawBody: true,
  transport: (app) => app.get(KafkaEventsStrategy),
});
