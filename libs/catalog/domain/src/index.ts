export * from './lib/sources/supplier-source';
