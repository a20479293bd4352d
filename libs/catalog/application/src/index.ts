export * from './lib/sync/catalog-store.port';
export * from './lib/sync/sku-events';
export * from './lib/sync/product-merger';
export * from './lib/sync/page-processor';
export * from './lib/sync/sync-job';
export * from './lib/sync/sync-stores.port';
export * from './lib/sync/sync-runner';
