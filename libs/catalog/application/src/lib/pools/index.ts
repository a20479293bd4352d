export * from './save-selection-pool.use-case';
export * from './selection-pool-directory';
