export * from './lib/sellable-sku/sellable-sku.schema';
export * from './lib/sellable-sku/sellable-sku.repository';
export * from './lib/stock/warehouse-stock.store';
export * from './lib/stock/warehouse-capacity.store';
export * from './lib/orders/order.store';
export * from './lib/orders/drop-ship-order.queries';
export * from './lib/blacklist/blacklist-copy.store';
export * from './lib/selection-pools/selection-pool-copy.store';
