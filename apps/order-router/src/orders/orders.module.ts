import { Module } from '@nestjs/common';
import { CatalogReadModelModule } from '../catalog/catalog-read-model.module';
import { RoutingSweeps } from '../sweeps/routing-sweeps.service';
import { WarehouseShipmentsController } from '../warehouses/warehouse-shipments.controller';
import { WarehouseStockController } from '../warehouses/warehouse-stock.controller';
import { OrderWebhooksConsumer } from '../webhooks/order-webhooks.consumer';
import { IssuanceEventsConsumer } from './issuance-events.consumer';
import { OrdersController } from './orders.controller';
import { ordersProviders } from './orders.providers';
import { ReplacementRequestsConsumer } from './replacement-requests.consumer';

/** Orders, stock, warehouses' parcels and the sweeps that keep them right. */
@Module({
  imports: [CatalogReadModelModule],
  controllers: [
    OrdersController,
    WarehouseStockController,
    WarehouseShipmentsController,
    OrderWebhooksConsumer,
    IssuanceEventsConsumer,
    ReplacementRequestsConsumer,
  ],
  providers: [...ordersProviders, RoutingSweeps],
  exports: ordersProviders.map((provider) => ('provide' in provider ? provider.provide : provider)),
})
export class OrdersModule {}
