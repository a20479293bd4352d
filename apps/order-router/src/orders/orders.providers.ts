import type { Provider } from '@nestjs/common';
import { ActiveBlacklist } from '@supply-hub/blacklist';
import { driverDbProvider, MongoOutboxStore } from '@supply-hub/mongo';
import { ActiveSelectionPools } from '@supply-hub/selection-pools';
import {
  CancelOrder,
  type Clock,
  PlaceOrder,
  PlaceReplacementOrder,
  RecordIssuance,
  RecoverRoutings,
  RerouteShipment,
  RouteOrder,
  type RoutingDependencies,
  systemClock,
  WarehouseShipments,
} from '@supply-hub/orders-application';
import { OrderStore, SellableSkuRepository, WarehouseCapacityStore, WarehouseStockStore } from '@supply-hub/orders-data-access';
import { DEFAULT_WAREHOUSES, parseWarehousesConfig, type Warehouse } from '@supply-hub/orders-domain';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { Db } from 'mongodb';
import type { OrderRouterEnv } from '../config/order-router-env';
import { ORDER_CLOCK, ORDER_CLOCK_OVERRIDE, ORDERS_DB, WAREHOUSES } from './orders.tokens';

const ROUTING_DEPENDENCIES = Symbol('RoutingDependencies');

export const ordersProviders: Provider[] = [
  driverDbProvider(ORDERS_DB),
  {
    provide: ORDER_CLOCK,
    inject: [{ token: ORDER_CLOCK_OVERRIDE, optional: true }],
    useFactory: (clock: Clock | undefined): Clock => clock ?? systemClock,
  },
  {
    provide: WAREHOUSES,
    inject: [SERVICE_CONFIG],
    useFactory: (config: OrderRouterEnv): readonly Warehouse[] => (config.WAREHOUSES ? parseWarehousesConfig(config.WAREHOUSES) : DEFAULT_WAREHOUSES),
  },
  {
    provide: OrderStore,
    inject: [ORDERS_DB, MongoOutboxStore],
    useFactory: async (db: Db, outbox: MongoOutboxStore) => {
      const store = new OrderStore(db, outbox);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: WarehouseStockStore,
    inject: [ORDERS_DB],
    useFactory: async (db: Db) => {
      const store = new WarehouseStockStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  { provide: WarehouseCapacityStore, inject: [ORDERS_DB], useFactory: (db: Db) => new WarehouseCapacityStore(db) },
  {
    provide: ROUTING_DEPENDENCIES,
    inject: [OrderStore, WarehouseStockStore, WarehouseCapacityStore, WAREHOUSES, SellableSkuRepository, ORDER_CLOCK],
    useFactory: (
      orders: OrderStore,
      stock: WarehouseStockStore,
      capacity: WarehouseCapacityStore,
      warehouses: readonly Warehouse[],
      skus: SellableSkuRepository,
      clock: Clock,
    ): RoutingDependencies => ({ orders, stock, capacity, warehouses: () => warehouses, skus: (skuIds) => skus.getMany(skuIds), clock }),
  },
  { provide: RouteOrder, inject: [ROUTING_DEPENDENCIES], useFactory: (deps: RoutingDependencies) => new RouteOrder(deps) },
  { provide: RerouteShipment, inject: [ROUTING_DEPENDENCIES], useFactory: (deps: RoutingDependencies) => new RerouteShipment(deps) },
  {
    provide: PlaceOrder,
    inject: [ROUTING_DEPENDENCIES, RouteOrder, ActiveBlacklist, ActiveSelectionPools],
    // Replacement orders (below) are not checked against the pool: they replace goods already delivered.
    useFactory: (deps: RoutingDependencies, routing: RouteOrder, blacklist: ActiveBlacklist, pools: ActiveSelectionPools) =>
      new PlaceOrder(deps.orders, deps.skus, routing, deps.clock, blacklist, pools),
  },
  {
    provide: PlaceReplacementOrder,
    inject: [ROUTING_DEPENDENCIES, RouteOrder],
    useFactory: (deps: RoutingDependencies, routing: RouteOrder) => new PlaceReplacementOrder(deps.orders, deps.skus, routing, deps.clock),
  },
  { provide: RecordIssuance, inject: [OrderStore, ORDER_CLOCK], useFactory: (orders: OrderStore, clock: Clock) => new RecordIssuance(orders, clock) },
  {
    provide: CancelOrder,
    inject: [ROUTING_DEPENDENCIES],
    useFactory: (deps: RoutingDependencies) => new CancelOrder(deps.orders, deps.stock, deps.clock),
  },
  {
    provide: WarehouseShipments,
    inject: [ROUTING_DEPENDENCIES, RerouteShipment],
    useFactory: (deps: RoutingDependencies, reroute: RerouteShipment) => new WarehouseShipments(deps.orders, deps.stock, reroute, deps.clock),
  },
  {
    provide: RecoverRoutings,
    inject: [ROUTING_DEPENDENCIES, RouteOrder, SERVICE_CONFIG],
    useFactory: (deps: RoutingDependencies, routing: RouteOrder, config: OrderRouterEnv) =>
      new RecoverRoutings(deps.orders, deps.stock, routing, deps.clock, { staleAfterMs: config.ROUTING_RECOVERY_AFTER_MS }),
  },
];
