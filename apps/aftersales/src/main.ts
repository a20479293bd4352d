import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { runService } from '@supply-hub/platform';
import { AppModule } from './app.module';
import { aftersalesEnv } from './config/aftersales-env';

void runService({
  name: 'aftersales',
  envSchema: aftersalesEnv,
  module: AppModule,
  transport: (app) => app.get(KafkaEventsStrategy),
});
