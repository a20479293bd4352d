export * from './shipment-deadlines';
export * from './sweep-shipment-deadlines.use-case';
export * from './sla-orders-source';
export * from './dispatch-sla-report';
