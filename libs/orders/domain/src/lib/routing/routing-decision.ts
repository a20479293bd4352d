import type { RoutingDestination, UnshippablePolicy } from './routing-input';

/** Units of one order line in one parcel: the whole line, or its share when the line is split. */
export interface ParcelLine {
  readonly lineId: string;
  readonly skuId: string;
  readonly quantity: number;
}

export interface WarehouseParcel {
  readonly kind: 'warehouse';
  readonly warehouseId: string;
  readonly warehouseName: string;
  readonly cityCode: string;
  /** Great-circle distance from the warehouse to the destination, to the metre. */
  readonly distanceKm: number;
  readonly lines: readonly ParcelLine[];
}

export interface DropShipParcelLine extends ParcelLine {
  /** The supplier's own id for the SKU, which its adapter orders by. */
  readonly externalId: string;
}

/** Lines one supplier ships itself (一件代发): one parcel per supplier source, whatever the SKUs. */
export interface DropShipParcel {
  readonly kind: 'drop-ship';
  readonly sourceId: string;
  readonly lines: readonly DropShipParcelLine[];
}

export type RoutedParcel = WarehouseParcel | DropShipParcel;

/**
 * Why a line was neither shipped from a warehouse nor drop-shipped:
 * - `warehouses-at-capacity`: active warehouses hold the units but have no parcel left today (it can ship tomorrow);
 * - `out-of-stock`: neither the active warehouses nor the supplier hold the quantity.
 */
export type UnroutedReason = 'warehouses-at-capacity' | 'out-of-stock';

export interface UnroutedLine extends ParcelLine {
  readonly reason: UnroutedReason;
  /** Units the active warehouses hold together (including those at capacity) when the line was given up. */
  readonly warehouseUnits: number;
  /** Units the SKU's supplier reports; 0 when the SKU cannot be drop-shipped. */
  readonly supplierUnits: number;
}

/** `capacity-full`: active, but no parcel left today. Only `eligible` warehouses ship. */
export type CandidateStatus = 'eligible' | 'inactive' | 'capacity-full';

/** A line a warehouse cannot ship in full: the units wanted (the SKU's total over the order) and those it has. */
export interface LineShortfall {
  readonly lineId: string;
  readonly skuId: string;
  readonly wanted: number;
  readonly available: number;
}

/** One configured warehouse as the decision saw it. */
export interface RoutingCandidate {
  readonly warehouseId: string;
  readonly name: string;
  readonly cityCode: string;
  readonly distanceKm: number;
  readonly status: CandidateStatus;
  readonly capacityLeft: number;
  /** Eligible and holding every line of the order in full: a one-parcel answer. */
  readonly canShipAll: boolean;
  /** The lines it does not hold in full, whatever its status. */
  readonly lacks: readonly LineShortfall[];
  /** It ships a parcel of this order. */
  readonly chosen: boolean;
}

/**
 * - `nearest-complete`: some warehouse could ship every line; the nearest of them does.
 * - `fewest-parcels`: none could; the warehouse lines went to the fewest warehouses, then the least total distance.
 * - `no-warehouse`: no line could ship from a warehouse.
 * - `empty`: the order has no physical line.
 */
export type RoutingRule = 'nearest-complete' | 'fewest-parcels' | 'no-warehouse' | 'empty';

/** What the order record keeps so that "why did this go to 成都?" has an answer. */
export interface RoutingExplanation {
  readonly destination: RoutingDestination;
  readonly rule: RoutingRule;
  readonly unshippable: UnshippablePolicy;
  /** Every configured warehouse, nearest first (ties by id). */
  readonly candidates: readonly RoutingCandidate[];
  /** Lines no single eligible warehouse held in full, shipped in shares from several. */
  readonly splitLineIds: readonly string[];
  /** Sum of the warehouse parcels' distances. */
  readonly totalDistanceKm: number;
  /** The same in one sentence for people: `wh-cd 成都仓 (2056.0 km) ships every line; nearer: none`. */
  readonly summary: string;
}

export interface RoutingDecision {
  /** Warehouse parcels nearest first, then drop-ship parcels by source id. */
  readonly parcels: readonly RoutedParcel[];
  /** Lines waiting for stock (policy `backorder`). */
  readonly backordered: readonly UnroutedLine[];
  /** Lines the order cannot have (policy `refuse`). */
  readonly refused: readonly UnroutedLine[];
  readonly explanation: RoutingExplanation;
}
