import { Module } from '@nestjs/common';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { CatalogReadModelModule } from './catalog/catalog-read-model.module';
import type { OrderRouterEnv } from './config/order-router-env';

/** order-router: malls' orders in, parcels routed to warehouses or drop-ship suppliers. */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrderRouterEnv) => kafkaOptionsFor('order-router', config),
    }),
    CatalogReadModelModule,
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
