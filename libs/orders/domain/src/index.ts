export * from './lib/catalog/sellable-sku';
export * from './lib/catalog/blacklist-copy';
export * from './lib/catalog/selection-pool-copy';
// Warehouses are shared reference data (aftersales sends return parcels by the same distance rules).
export * from '@supply-hub/warehouses';
export * from './lib/routing/routing-input';
export * from './lib/routing/routing-decision';
export * from './lib/routing/routing-strategy';
export * from './lib/routing/default-routing-strategy';
export * from './lib/routing/route-order';
export * from './lib/routing/routing-bench';
export * from './lib/tracking';
export * from './lib/drop-ship';
export * from './lib/order/order';
export * from './lib/order/order-id';
export * from './lib/order/order-request';
export * from './lib/order/replacement-line';
