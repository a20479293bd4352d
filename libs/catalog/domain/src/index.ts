export * from './lib/sources/supplier-source';
export * from './lib/sources/source-payloads';
