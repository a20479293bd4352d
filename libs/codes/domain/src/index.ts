export * from './lib/accounts';
export * from './lib/issuance';
export * from './lib/pools';
export * from './lib/providers';
export * from './lib/secrets';
