export * from './lib/api-key';
export * from './lib/staff-token';
export * from './lib/principal';
export * from './lib/request-context';
export * from './lib/webhook-signature';
