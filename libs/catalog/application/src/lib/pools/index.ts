export * from './save-selection-pool.use-case';
export * from './selection-pool-directory';
export * from './selection-pool-events';
