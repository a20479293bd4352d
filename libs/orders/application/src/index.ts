export * from './lib/catalog/record-catalog-sku/record-catalog-sku.use-case';
