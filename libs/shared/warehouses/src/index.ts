export * from './lib/warehouse';
export * from './lib/warehouses-config';
export * from './lib/nearest-warehouses';
