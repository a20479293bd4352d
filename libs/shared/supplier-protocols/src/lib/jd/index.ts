export * from './jd-paths';
export * from './jd-result-codes';
export * from './jd-envelope';
export * from './jd-token';
export * from './jd-product';
export * from './jd-price';
export * from './jd-stock';
export * from './jd-message';
