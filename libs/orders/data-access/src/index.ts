export * from './lib/sellable-sku/sellable-sku.schema';
export * from './lib/sellable-sku/sellable-sku.repository';
