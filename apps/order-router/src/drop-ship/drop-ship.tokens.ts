/** The drop-ship adapters built from SUPPLIER_SOURCES (DropShipSupplierSet): closed when the app stops. */
export const DROP_SHIP_SUPPLIER_SET = Symbol('DropShipSupplierSet');
/** The same adapters by source id (DropShipSuppliers), as the use cases take them. */
export const DROP_SHIP_SUPPLIERS = Symbol('DropShipSuppliers');
