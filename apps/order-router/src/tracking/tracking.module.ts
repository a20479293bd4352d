import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { CarrierCallbackController } from './carrier-callback.controller';
import { TrackingMetrics } from './tracking-metrics.service';
import { TrackingSubscriptionConsumer } from './tracking-subscription.consumer';
import { TrackingSweep } from './tracking-sweep.service';
import { trackingProviders } from './tracking.providers';

/** Carrier tracking of dispatched parcels: subscription at the carrier, its pushes, and the sweep that keeps subscriptions in place. */
@Module({
  imports: [OrdersModule],
  controllers: [CarrierCallbackController, TrackingSubscriptionConsumer],
  providers: [...trackingProviders, TrackingMetrics, TrackingSweep],
})
export class TrackingModule {}
