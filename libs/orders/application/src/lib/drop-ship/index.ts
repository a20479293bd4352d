export * from './drop-ship-ports';
export * from './drop-shipment-writer';
export * from './drop-shipment-changes';
export * from './submit-drop-shipment.use-case';
export * from './poll-drop-ship-suppliers.use-case';
