import type { OrderDocument } from '@supply-hub/orders-data-access';
import { parseTimeIdCursor, timeIdCursor } from '@supply-hub/http';

/**
 * An order as its mall sees it: lines with where each went (or why not), parcels with their tracking,
 * the routing explanation, and the timeline. Reservations and request fingerprints stay inside.
 */
export function orderView(order: OrderDocument) {
  return {
    orderId: order._id,
    mallOrderId: order.mallOrderId,
    status: order.status,
    unavailablePolicy: order.unavailablePolicy,
    // A replacement parcel an after-sales case asked for: the case and the original line it replaces.
    ...(order.replacementFor ? { replacementFor: order.replacementFor } : {}),
    lines: order.lines,
    recipient: order.recipient,
    shipments: order.shipments.map((shipment) => ({
      ...shipment,
      dispatchBy: shipment.dispatchBy.toISOString(),
      requestedAt: shipment.requestedAt.toISOString(),
      ...(shipment.acceptedAt ? { acceptedAt: shipment.acceptedAt.toISOString() } : {}),
      ...(shipment.dispatchedAt ? { dispatchedAt: shipment.dispatchedAt.toISOString() } : {}),
    })),
    routing: order.routing,
    ...(order.reroutings ? { reroutings: order.reroutings } : {}),
    timeline: order.timeline.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** The cursor of the next page: the last order's creation time and id (order ids break ties). */
export function cursorOf(order: OrderDocument): string {
  return timeIdCursor(order.createdAt, order._id);
}

export function parseCursor(cursor: string): { createdAt: Date; orderId: string } | undefined {
  const parsed = parseTimeIdCursor(cursor, /^ord_[0-9a-f]{20}$/);
  return parsed && { createdAt: parsed.at, orderId: parsed.id };
}
