import type { CategoryFamily } from '@supply-hub/contracts';
import type { ShipmentTracking } from '../tracking/shipment-tracking';

export type OrderStatus = 'accepted' | 'routed' | 'backordered' | 'refused' | 'cancelled' | 'dispatched' | 'delivered';

export type LineStatus =
  'accepted' | 'reserved' | 'drop-ship' | 'backordered' | 'refused' | 'issuing' | 'issued' | 'issue-failed' | 'cancelled' | 'dispatched' | 'delivered';

export interface Recipient {
  name: string;
  mobile: string;
  province: string;
  city: string;
  district?: string;
  address: string;
  /** The prefecture-level city the address resolved to (GB/T 2260). */
  cityCode: string;
  lat: number;
  lng: number;
}

export interface OrderLine {
  /** The mall's line id, or `1`, `2`, … in the order given. */
  lineId: string;
  skuId: string;
  quantity: number;
  kind: 'physical' | 'virtual';
  categoryFamily: CategoryFamily;
  title: string;
  /** The contract price per unit when the order was taken. */
  unitPriceFen: number;
  /** Where a virtual line's top-up goes (mobile, fuel card, member id). */
  account?: string;
  status: LineStatus;
  /** The shipment carrying it, once routed to a warehouse or supplier. */
  shipmentId?: string;
  /** Why a line is backordered or refused. */
  reason?: string;
}

/** A parcel that went elsewhere, and the routing decision that sent it there. */
export interface Rerouting {
  shipmentId: string;
  at: Date;
  by: 'rejected' | 'not-accepted' | 'sla-breached';
  reason: string;
  explanation: unknown;
}

export interface TimelineEntry {
  at: Date;
  status: string;
  note?: string;
}

/** The order line an after-sales case asked a replacement parcel for. */
export interface ReplacementRef {
  caseId: string;
  orderId: string;
  lineId: string;
}

/** A mall's order as order-router keeps it. Tenant-owned: every read is scoped by tenantId. */
export interface Order {
  orderId: string;
  tenantId: string;
  mallOrderId: string;
  /** Hash of the request that created it: the same mall order id with another body is a conflict. */
  requestFingerprint: string;
  status: OrderStatus;
  lines: OrderLine[];
  recipient: Recipient;
  /** What the mall wants done with lines no warehouse or supplier can ship. */
  unavailablePolicy: 'backorder' | 'refuse';
  createdAt: Date;
  updatedAt: Date;
  timeline: TimelineEntry[];
  /** Set on a replacement order: the case and the original line it replaces. */
  replacementFor?: ReplacementRef;
}

/** Chinese mainland mobile numbers: 11 digits starting 13–19. */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/**
 * Units one order line holds in one warehouse. `holdId` is also recorded on the stock document in the
 * same write that takes the units, so whether a reservation happened can always be read back.
 */
export interface Reservation {
  holdId: string;
  lineId: string;
  warehouseId: string;
  skuId: string;
  quantity: number;
  /** The parcel it ships in. */
  shipmentId: string;
  state: 'held' | 'released' | 'consumed';
}

export type ShipmentStatus = 'requested' | 'accepted' | 'rejected' | 'dispatched' | 'in-transit' | 'out-for-delivery' | 'delivered' | 'exception' | 'cancelled';

/** A parcel of the order: from a warehouse, or drop-shipped (一件代发) by a supplier. */
export interface RoutedShipment {
  shipmentId: string;
  kind: 'warehouse' | 'drop-ship';
  warehouseId?: string;
  supplierSourceId?: string;
  /** A drop-ship parcel's order at its supplier (JD's jdOrderId), once the supplier took it. */
  supplierOrderId?: string;
  distanceKm?: number;
  lines: { lineId: string; skuId: string; quantity: number; externalId?: string }[];
  status: ShipmentStatus;
  /** The 48-hour dispatch promise. */
  dispatchBy: Date;
  requestedAt: Date;
  acceptedAt?: Date;
  dispatchedAt?: Date;
  carrier?: string;
  trackingNumber?: string;
  /** Warehouses that gave this parcel's lines back before (never asked again for them). */
  rejectedBy?: string[];
  slaFlag?: 'at-risk' | 'breached';
  /** The carrier's tracking once dispatched (see applyTrackingPush). */
  tracking?: ShipmentTracking;
  /** The carrier subscription for tracking pushes is in place. */
  trackingSubscribed?: boolean;
}

/**
 * One hold per routing plan, parcel and line: a line split over parcels, rerouted, or planned again after a
 * lost race or a crash holds under distinct ids, so a dead plan's hold is never mistaken for a live one.
 */
export function holdIdOf(planId: string, shipmentId: string, lineId: string): string {
  return `${shipmentId}:${lineId}:${planId}`;
}

/** The order a shipment belongs to (shipment ids are derived from order ids). */
export function orderIdOfShipment(shipmentId: string): string | undefined {
  const match = /^shp_([0-9a-f]{20})-\d+$/.exec(shipmentId);
  return match ? `ord_${match[1]}` : undefined;
}
