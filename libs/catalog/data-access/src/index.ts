export * from './lib/catalog-collections';
export * from './lib/mongo-catalog-store';
export * from './lib/mongo-sync-stores';
export * from './lib/mongo-blacklist-store';
export * from './lib/mongo-quality-store';
export * from './lib/mongo-curation-action-store';
export * from './lib/mongo-inspection-store';
export * from './lib/mongo-elimination-reader';
