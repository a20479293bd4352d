export * from './lib/common/beijing-time';
export { md5Hex, hexSignatureEquals } from './lib/common/digest';
export * from './lib/jd';
export * from './lib/taobao';
export * from './lib/brand-feed';
export * from './lib/carrier';
export * from './lib/recharge';
