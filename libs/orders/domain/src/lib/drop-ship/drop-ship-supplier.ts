/**
 * The port a drop-ship (一件代发) supplier's adapter implements: place the order for one parcel, report
 * what happened to it. Implemented per protocol in @supply-hub/orders-suppliers (JD today); the use cases
 * in @supply-hub/orders-application only ever see this.
 */
export interface DropShipSupplier {
  /** The source id parcels name the supplier by (`jd`): `supplierSourceId`, and `supplier:<id>` in events. */
  readonly sourceId: string;
  /** The carrier its parcels travel with, as parcels record it (`jd`). */
  readonly carrier: string;

  /** Places the parcel's order; never throws for the supplier's sake (a failure is an outcome). */
  placeOrder(request: DropShipOrderRequest): Promise<DropShipPlacement>;
  /** Orders that reached an end at the supplier, oldest first, until acknowledged (they come back). */
  orderUpdates(): Promise<SupplierOrderUpdate[]>;
  /** The updates were handled: the supplier stops sending them. */
  acknowledge(updateIds: readonly string[]): Promise<void>;
  /** The order's track so far, oldest first. */
  orderTrack(supplierOrderId: string): Promise<SupplierTrackEntry[]>;
}

export interface DropShipOrderRequest {
  /**
   * Our id for the supplier's order: the shipment id. The supplier is idempotent on it, so it never
   * changes between attempts.
   */
  thirdOrder: string;
  lines: { lineId: string; externalId: string; quantity: number; title?: string; supplyPriceFen?: number }[];
  recipient: {
    name: string;
    mobile: string;
    province: string;
    city: string;
    district?: string;
    address: string;
    /** GB/T 2260 code of the prefecture-level city the address resolved to. */
    cityCode: string;
  };
  /**
   * An earlier attempt may have placed the order and lost the answer (a timeout, a crash): the adapter
   * looks the order up by thirdOrder before anything else.
   */
  mayExist: boolean;
}

export type DropShipPlacement =
  /** The supplier holds the order, confirmed. */
  | { outcome: 'accepted'; supplierOrderId: string; note?: string }
  /** The supplier said no for good (SKU unavailable, bad address): the parcel cannot go this way. */
  | { outcome: 'refused'; reason: string }
  /** Not now (unreachable, busy, answer lost and not found yet): try again later with the same thirdOrder. */
  | { outcome: 'retry-later'; reason: string };

export interface SupplierOrderUpdate {
  /** What acknowledge takes. */
  updateId: string;
  supplierOrderId: string;
  /** `unknown`: a state this adapter cannot read; acknowledged and logged, never applied. */
  outcome: 'delivered' | 'rejected' | 'unknown';
  at: Date;
  detail?: string;
}

/** What a track entry says about the parcel, when it says something that moves it. */
export type SupplierTrackMilestone = 'dispatched' | 'out-for-delivery' | 'delivered' | 'rejected';

export interface SupplierTrackEntry {
  at: Date;
  content: string;
  operator?: string;
  milestone?: SupplierTrackMilestone;
}
