import { Module } from '@nestjs/common';
import { KafkaHealth, KafkaModule, kafkaOptionsFor } from '@supply-hub/kafka/nest';
import { ORDERS_COLLECTION } from '@supply-hub/orders-data-access';
import { healthCheck, PlatformModule, SERVICE_CONFIG } from '@supply-hub/platform';
import { CatalogReadModelModule } from './catalog/catalog-read-model.module';
import type { OrderRouterEnv } from './config/order-router-env';
import { DropShipModule } from './drop-ship/drop-ship.module';
import { OrdersModule } from './orders/orders.module';
import { SlaModule } from './sla/sla.module';
import { TrackingModule } from './tracking/tracking.module';

/** order-router: malls' orders in, parcels routed to warehouses or drop-ship suppliers, followed to the door. */
@Module({
  imports: [
    PlatformModule.forService({ webhookEndpoints: true }),
    KafkaModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrderRouterEnv) => kafkaOptionsFor('order-router', config, { outboxCollections: [ORDERS_COLLECTION] }),
    }),
    CatalogReadModelModule,
    OrdersModule,
    SlaModule,
    TrackingModule,
    DropShipModule,
  ],
  providers: [healthCheck('kafka', KafkaHealth)],
})
export class AppModule {}
