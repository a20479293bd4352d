import type { Provider } from '@nestjs/common';
import { type Clock, RerouteShipment, ReportDispatchSla, SweepShipmentDeadlines } from '@supply-hub/orders-application';
import { OrderStore } from '@supply-hub/orders-data-access';
import type { Warehouse } from '@supply-hub/orders-domain';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';
import { ORDER_CLOCK, WAREHOUSES } from '../orders/orders.tokens';

export const slaProviders: Provider[] = [
  {
    provide: SweepShipmentDeadlines,
    inject: [OrderStore, RerouteShipment, ORDER_CLOCK, SERVICE_CONFIG],
    useFactory: (orders: OrderStore, reroute: RerouteShipment, clock: Clock, config: OrderRouterEnv) =>
      new SweepShipmentDeadlines(orders, orders, reroute, clock, {
        acceptTimeoutMs: config.SHIPMENT_ACCEPT_TIMEOUT_MS,
        breachPolicy: config.SLA_BREACH_POLICY,
      }),
  },
  {
    provide: ReportDispatchSla,
    inject: [OrderStore, ORDER_CLOCK, WAREHOUSES],
    useFactory: (queries: OrderStore, clock: Clock, warehouses: readonly Warehouse[]) =>
      new ReportDispatchSla(queries, clock, () => warehouses.map((warehouse) => warehouse.id)),
  },
];
