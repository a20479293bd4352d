export * from './lib/pool-admits';
export * from './lib/active-selection-pools';
