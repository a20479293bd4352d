import { hasLeftSupplier, type RoutedShipment, type SupplierTrackEntry, supplierTracking } from '@supply-hub/orders-domain';
import type { DropShipmentDecision } from './drop-shipment-writer';

/**
 * The moves of a drop-ship parcel, each a decision for DropShipmentWriter: from `requested` the supplier
 * takes it (accepted) or gives it back (rejected); once taken it leaves (dispatched, carrier = the
 * supplier's, tracking number = its order id), arrives (delivered) or is refused at the door
 * (rejected). A decision on a parcel already past the move answers undefined: redeliveries and repeated
 * polls change nothing.
 */

const TAKEN: ReadonlySet<RoutedShipment['status']> = new Set(['accepted', 'dispatched', 'in-transit', 'out-for-delivery']);
const REJECTABLE: ReadonlySet<RoutedShipment['status']> = new Set(['requested', ...TAKEN]);

export function acceptedBySupplier(supplierOrderId: string, note?: string): DropShipmentDecision {
  return ({ shipment }, now) => {
    if (shipment.status !== 'requested') return undefined;
    return {
      next: { ...shipment, status: 'accepted', acceptedAt: now, supplierOrderId },
      entry: {
        status: 'shipment-accepted',
        note: `${shipment.shipmentId} accepted by supplier ${shipment.supplierSourceId} as its order ${supplierOrderId}${note ? ` (${note})` : ''}`,
      },
    };
  };
}

/** The parcel left the supplier's warehouse (its track says so): dispatched, followed through the supplier's track. */
export function dispatchedBySupplier(carrier: string, entries: readonly SupplierTrackEntry[]): DropShipmentDecision {
  return ({ shipment }, now) => {
    if (shipment.status !== 'accepted' || !shipment.supplierOrderId || !hasLeftSupplier(entries)) return trackingOnly(shipment, carrier, entries);
    const left = entries.find((entry) => entry.milestone !== undefined)?.at ?? now;
    return {
      next: { ...followed(shipment, carrier, entries), status: 'dispatched', dispatchedAt: left },
      entry: {
        status: 'shipment-dispatched',
        note: `${shipment.shipmentId} dispatched by supplier ${shipment.supplierSourceId} with ${carrier} ${shipment.supplierOrderId}${left > shipment.dispatchBy ? ' (after the 48-hour promise)' : ''}`,
      },
    };
  };
}

/** The supplier says the parcel arrived (JD 妥投). */
export function deliveredBySupplier(carrier: string, entries: readonly SupplierTrackEntry[] | undefined): DropShipmentDecision {
  return ({ shipment }, now) => {
    if (!TAKEN.has(shipment.status) || !shipment.supplierOrderId) return undefined;
    const base = entries ? followed(shipment, carrier, entries) : { ...shipment, carrier, trackingNumber: shipment.supplierOrderId, trackingSubscribed: true };
    return {
      next: { ...base, status: 'delivered', dispatchedAt: shipment.dispatchedAt ?? now },
      entry: {
        status: 'shipment-delivered',
        note: `${shipment.shipmentId} delivered by supplier ${shipment.supplierSourceId} (${carrier} ${shipment.supplierOrderId})`,
      },
    };
  };
}

/** The supplier gave the parcel back: refused the order, or the recipient refused it at the door (JD 拒收). */
export function rejectedBySupplier(reason: string, carrier?: string, entries?: readonly SupplierTrackEntry[]): DropShipmentDecision {
  return ({ shipment, order }) => {
    if (!REJECTABLE.has(shipment.status)) return undefined;
    const next: RoutedShipment = carrier && entries && shipment.supplierOrderId ? followed(shipment, carrier, entries) : { ...shipment };
    const outcome = order.unavailablePolicy === 'refuse' ? 'refused' : 'backordered';
    return {
      next: { ...next, status: 'rejected' },
      entry: {
        status: 'shipment-rejected',
        note: `${shipment.shipmentId} rejected by supplier ${shipment.supplierSourceId} (${reason}); its lines ${outcome}`,
      },
      rejection: { reason: `supplier ${shipment.supplierSourceId}: ${reason}` },
    };
  };
}

/** New track entries of a parcel whose status stays: written without a timeline entry or event. */
function trackingOnly(shipment: RoutedShipment, carrier: string, entries: readonly SupplierTrackEntry[]): ReturnType<DropShipmentDecision> {
  if (!TAKEN.has(shipment.status) || !shipment.supplierOrderId) return undefined;
  const next = followed(shipment, carrier, entries);
  if (next.tracking && shipment.tracking && next.tracking.timeline.length === shipment.tracking.timeline.length) return undefined;
  // Before the parcel left, the track is kept without a carrier or tracking number on the parcel.
  if (shipment.status === 'accepted') return { next: { ...shipment, tracking: next.tracking } };
  return { next };
}

/**
 * The parcel as the supplier follows it: its carrier, the supplier's order id as tracking number, and
 * `trackingSubscribed` so the carrier-tracking sweep leaves it alone (the track comes from the supplier).
 */
function followed(shipment: RoutedShipment, carrier: string, entries: readonly SupplierTrackEntry[]): RoutedShipment {
  const trackingNumber = shipment.supplierOrderId!;
  return { ...shipment, carrier, trackingNumber, trackingSubscribed: true, tracking: supplierTracking(carrier, trackingNumber, entries) };
}
