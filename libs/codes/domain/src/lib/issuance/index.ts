export * from './issuance';
export * from './top-up-plan';
export * from './virtual-product';
export * from './reissue';
