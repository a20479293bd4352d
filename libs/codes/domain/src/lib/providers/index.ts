export * from './recharge-provider';
