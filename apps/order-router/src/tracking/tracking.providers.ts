import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApplyCarrierPush, type Clock, SubscribeShipmentTracking } from '@supply-hub/orders-application';
import { OrderStore } from '@supply-hub/orders-data-access';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { AddressInfo } from 'node:net';
import type { OrderRouterEnv } from '../config/order-router-env';
import { ORDER_CLOCK } from '../orders/orders.tokens';
import { CarrierTrackingClient } from './carrier-tracking.client';
import { type TrackingSettings, trackingSettingsOf } from './tracking-settings';
import { TRACKING_SETTINGS } from './tracking.tokens';

export const trackingProviders: Provider[] = [
  {
    provide: TRACKING_SETTINGS,
    inject: [SERVICE_CONFIG, HttpAdapterHost],
    useFactory: (config: OrderRouterEnv, host: HttpAdapterHost): TrackingSettings =>
      trackingSettingsOf(config, () => {
        const address = host.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
        return address && typeof address === 'object' ? address.port : undefined;
      }),
  },
  CarrierTrackingClient,
  {
    provide: ApplyCarrierPush,
    inject: [OrderStore, ORDER_CLOCK, TRACKING_SETTINGS],
    useFactory: (orders: OrderStore, clock: Clock, settings: TrackingSettings) =>
      new ApplyCarrierPush(orders, clock, { callbackSecret: settings.callbackSecret }),
  },
  {
    provide: SubscribeShipmentTracking,
    inject: [OrderStore, CarrierTrackingClient, TRACKING_SETTINGS],
    useFactory: (orders: OrderStore, carrier: CarrierTrackingClient, settings: TrackingSettings) =>
      new SubscribeShipmentTracking(orders, orders, carrier, {
        callbackSecret: settings.callbackSecret,
        callbackUrl: (shipmentId) => settings.callbackUrl(shipmentId),
      }),
  },
];
