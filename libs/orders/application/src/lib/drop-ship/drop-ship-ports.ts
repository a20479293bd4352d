import type { DropShipOrderQueries, OrderStore } from '@supply-hub/orders-data-access';
import type { DropShipSupplier, SellableSku } from '@supply-hub/orders-domain';

/** The event key prefix of a drop-ship parcel: ShipmentRequested for `supplier:jd` goes to JD's adapter. */
export const SUPPLIER_OWNER_PREFIX = 'supplier:';

/** The supplier source id of a ShipmentRequested `warehouseId`, or undefined for a warehouse's parcel. */
export function supplierSourceOf(owner: string): string | undefined {
  return owner.startsWith(SUPPLIER_OWNER_PREFIX) ? owner.slice(SUPPLIER_OWNER_PREFIX.length) : undefined;
}

/** The configured drop-ship suppliers, by source id. */
export interface DropShipSuppliers {
  get(sourceId: string): DropShipSupplier | undefined;
  list(): readonly DropShipSupplier[];
}

export function dropShipSuppliersOf(suppliers: readonly DropShipSupplier[]): DropShipSuppliers {
  const bySource = new Map(suppliers.map((supplier) => [supplier.sourceId, supplier]));
  return { get: (sourceId) => bySource.get(sourceId), list: () => suppliers };
}

/** The order store's part drop-ship writes through, and the reads it needs. */
export type DropShipOrders = Pick<OrderStore, 'getAny' | 'update'> & Pick<DropShipOrderQueries, 'withSupplierShipments' | 'bySupplierOrder'>;

/** The sellable-SKU read model's answer for the supply price sent with an order (optional: a supplier charges its own price). */
export type SkuLookup = (skuIds: readonly string[]) => Promise<Map<string, SellableSku>>;
