import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { runService } from '@supply-hub/platform';
import { AppModule } from './app.module';
import { orderRouterEnv } from './config/order-router-env';

void runService({
  name: 'order-router',
  envSchema: orderRouterEnv,
  module: AppModule,
  transport: (app) => app.get(KafkaEventsStrategy),
});
