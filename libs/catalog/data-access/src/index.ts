export * from './lib/catalog-collections';
export * from './lib/mongo-catalog-store';
export * from './lib/mongo-sync-stores';
