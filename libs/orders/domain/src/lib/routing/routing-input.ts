import type { Warehouse } from '@supply-hub/warehouses';

/** Where the parcels go: the city an address resolved to (`@supply-hub/geo` resolveCity) and its coordinates. */
export interface RoutingDestination {
  readonly cityCode: string;
  readonly lat: number;
  readonly lng: number;
}

/** An order line of physical goods (实物). Virtual goods, services and coupons are issued, not routed. */
export interface PhysicalLine {
  /** Unique within the order; parcels and unrouted lines refer to it. */
  readonly lineId: string;
  readonly skuId: string;
  /** Units, a positive integer. */
  readonly quantity: number;
}

/**
 * Units available (on hand, not reserved) in a warehouse: nested maps warehouseId → skuId → units, or a
 * function. A missing entry, a negative figure (oversold) or NaN counts as 0.
 */
export type StockView = ReadonlyMap<string, ReadonlyMap<string, number>> | ((warehouseId: string, skuId: string) => number);

/**
 * Parcels a warehouse can still dispatch today (the day its dispatchCutoffHour points to). A warehouse missing
 * from the map, or for which the function returns undefined, has its whole dailyCapacity left: a capacity
 * ledger has no entry for a day until the first parcel is booked.
 */
export type CapacityView = ReadonlyMap<string, number> | ((warehouseId: string) => number | undefined);

/** The supplier behind a SKU (一件代发, drop-ship): the catalog's best offer and the units it reports. */
export interface DropShipOffer {
  readonly sourceId: string;
  readonly externalId: string;
  readonly units: number;
}

/** skuId → the supplier's offer; a SKU missing, or mapped to null/undefined, cannot be drop-shipped. */
export type DropShipView = ReadonlyMap<string, DropShipOffer | null | undefined> | ((skuId: string) => DropShipOffer | null | undefined);

/** The mall's setting for lines that can be shipped neither from a warehouse nor by a supplier. */
export type UnshippablePolicy = 'backorder' | 'refuse';

export interface RoutingInput {
  readonly destination: RoutingDestination;
  readonly lines: readonly PhysicalLine[];
  readonly warehouses: readonly Warehouse[];
  readonly stock: StockView;
  readonly capacity: CapacityView;
  readonly dropShip: DropShipView;
  readonly unshippable: UnshippablePolicy;
}
