export * from './lib/load-config';
export * from './lib/env-types';
export * from './lib/service-env';
export * from './lib/services';
