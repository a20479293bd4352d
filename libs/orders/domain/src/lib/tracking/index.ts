export * from './tracking-status';
export * from './shipment-tracking';
export * from './parse-carrier-push';
export * from './apply-tracking-push';
