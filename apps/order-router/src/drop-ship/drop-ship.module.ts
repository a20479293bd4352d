import { Module } from '@nestjs/common';
import { CatalogReadModelModule } from '../catalog/catalog-read-model.module';
import { OrdersModule } from '../orders/orders.module';
import { DropShipPoller } from './drop-ship-poller.service';
import { DropShipRequestsConsumer } from './drop-ship-requests.consumer';
import { dropShipProviders } from './drop-ship.providers';

/** Drop-ship (一件代发): parcels ordered from their supplier through its adapter, and followed there to the door. */
@Module({
  imports: [OrdersModule, CatalogReadModelModule],
  controllers: [DropShipRequestsConsumer],
  providers: [...dropShipProviders, DropShipPoller],
  exports: [DropShipPoller],
})
export class DropShipModule {}
