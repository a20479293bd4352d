// Drop-ship (一件代发) adapters: the DropShipSupplier port of @supply-hub/orders-domain per supplier protocol.
export * from './lib/jd/jd-drop-ship-config';
export * from './lib/jd/jd-order-form';
export * from './lib/jd/jd-drop-ship-supplier';
export * from './lib/config/drop-ship-suppliers-config';
export * from './lib/create-drop-ship-suppliers';
