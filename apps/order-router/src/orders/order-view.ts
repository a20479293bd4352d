import type { OrderDocument } from '@supply-hub/orders-data-access';

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
  return Buffer.from(`${order.createdAt.toISOString()}|${order._id}`).toString('base64url');
}

export function parseCursor(cursor: string): { createdAt: Date; orderId: string } | undefined {
  const [at, orderId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!orderId || !/^ord_[0-9a-f]{20}$/.test(orderId) || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, orderId };
}
