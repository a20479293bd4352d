export * from './lib/sync/sku-events';
export * from './lib/sync/product-merger';
export * from './lib/sync/page-processor';
export * from './lib/sync/sync-runner';
export * from './lib/sync/catalog-event-relay';
export * from './lib/search/catalog-search-index';
export * from './lib/blacklist';
export * from './lib/quality/record-quality-facts.use-case';
