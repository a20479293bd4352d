export * from './taobao-sign';
export * from './taobao-common-params';
export * from './taobao-error';
export * from './taobao-item';
export * from './taobao-items-onsale-get';
export * from './taobao-item-seller-get';
export * from './taobao-tmc';
