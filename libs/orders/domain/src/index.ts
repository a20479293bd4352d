export * from './lib/catalog/sellable-sku';
