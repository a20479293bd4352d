export * from './lib/catalog/sellable-sku';
export * from './lib/tracking';
