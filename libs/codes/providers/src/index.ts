// Recharge providers (福禄-style gateway, 聚合-style URL API) and malls' own coupon systems: the RechargeProvider port of @supply-hub/codes-domain per protocol.
export * from './lib/config/recharge-providers-config';
export * from './lib/fulu/fulu-recharge-provider';
export * from './lib/juhe/juhe-recharge-provider';
export * from './lib/create-recharge-providers';
export * from './lib/coupons/mall-coupon-system';
export * from './lib/coupons/create-mall-coupon-system';
