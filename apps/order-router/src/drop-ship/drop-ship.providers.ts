import type { Provider } from '@nestjs/common';
import { type Clock, type DropShipSuppliers, dropShipSuppliersOf, PollDropShipSuppliers, SubmitDropShipment } from '@supply-hub/orders-application';
import { DropShipOrderQueries, OrderStore, SellableSkuRepository } from '@supply-hub/orders-data-access';
import { createDropShipSuppliers, type DropShipSupplierSet, localSandboxDropShipSuppliers, parseDropShipSuppliersConfig } from '@supply-hub/orders-suppliers';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';
import { ORDER_CLOCK } from '../orders/orders.tokens';
import { DROP_SHIP_SUPPLIER_SET, DROP_SHIP_SUPPLIERS } from './drop-ship.tokens';

export const dropShipProviders: Provider[] = [
  {
    provide: DROP_SHIP_SUPPLIER_SET,
    inject: [SERVICE_CONFIG],
    useFactory: (config: OrderRouterEnv): DropShipSupplierSet & { onModuleDestroy(): void } => {
      const set = createDropShipSuppliers(
        config.SUPPLIER_SOURCES ? parseDropShipSuppliersConfig(config.SUPPLIER_SOURCES) : localSandboxDropShipSuppliers(config.SUPPLIER_SIM_URL),
      );
      // Stops the breakers' timers with the app.
      return Object.assign(set, { onModuleDestroy: () => set.close() });
    },
  },
  { provide: DROP_SHIP_SUPPLIERS, inject: [DROP_SHIP_SUPPLIER_SET], useFactory: (set: DropShipSupplierSet) => dropShipSuppliersOf(set.suppliers) },
  {
    provide: DropShipOrderQueries,
    inject: [OrderStore],
    useFactory: async (store: OrderStore) => {
      const queries = new DropShipOrderQueries(store);
      await queries.ensureIndexes();
      return queries;
    },
  },
  {
    provide: SubmitDropShipment,
    inject: [OrderStore, DROP_SHIP_SUPPLIERS, ORDER_CLOCK, SellableSkuRepository],
    useFactory: (orders: OrderStore, suppliers: DropShipSuppliers, clock: Clock, skus: SellableSkuRepository) =>
      new SubmitDropShipment(orders, suppliers, clock, (skuIds) => skus.getMany(skuIds)),
  },
  {
    provide: PollDropShipSuppliers,
    inject: [OrderStore, DropShipOrderQueries, DROP_SHIP_SUPPLIERS, SubmitDropShipment, ORDER_CLOCK, SERVICE_CONFIG],
    useFactory: (
      orders: OrderStore,
      queries: DropShipOrderQueries,
      suppliers: DropShipSuppliers,
      submit: SubmitDropShipment,
      clock: Clock,
      config: OrderRouterEnv,
    ) =>
      new PollDropShipSuppliers(
        {
          getAny: (orderId) => orders.getAny(orderId),
          update: (...args) => orders.update(...args),
          withSupplierShipments: (...args) => queries.withSupplierShipments(...args),
          bySupplierOrder: (...args) => queries.bySupplierOrder(...args),
        },
        suppliers,
        submit,
        clock,
        { resubmitAfterMs: config.DROP_SHIP_RESUBMIT_AFTER_MS },
      ),
  },
];
