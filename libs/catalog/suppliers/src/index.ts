export * from './lib/shared/supplier-errors';
export * from './lib/shared/source-dependencies';
export * from './lib/jd/jd-source-config';
export * from './lib/jd/jd-supplier-source';
export * from './lib/jd/create-jd-supplier-source';
