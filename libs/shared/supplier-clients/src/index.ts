// Supplier API clients shared by every caller of a supplier (catalog sync, drop-ship): one way to call each.
export * from './lib/supplier-errors';
export * from './lib/zod-problem';
export * from './lib/jd/jd-connection-config';
export * from './lib/jd/jd-client';
export * from './lib/jd/create-jd-client';
