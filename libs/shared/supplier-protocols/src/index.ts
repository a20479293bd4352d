export * from './lib/common/beijing-time';
export * from './lib/jd';
export * from './lib/taobao';
export * from './lib/brand-feed';
export * from './lib/carrier';
