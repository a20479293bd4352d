export * from './carrier-codes';
export * from './tracking-salt';
export * from './shipment-tracking-status';
export * from './carrier-tracking-gateway';
export * from './apply-carrier-push.use-case';
export * from './subscribe-shipment-tracking.use-case';
