import { ShipmentStatusChanged } from '@supply-hub/contracts';
import { ConflictError } from '@supply-hub/errors';
import type { OrderDocument } from '@supply-hub/orders-data-access';
import { linesAfterSupplierRejection, orderIdOfShipment, type OrderLine, type RoutedShipment } from '@supply-hub/orders-domain';
import { shipmentOwner, statusOf } from '../route-order/routing-plan';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';
import { linesOfShipments } from '../warehouse-shipments/warehouse-shipments.use-case';
import type { DropShipOrders } from './drop-ship-ports';

/** What happens to a parcel: its next state, and (for a status change) the timeline entry and the event. */
export interface DropShipmentChange {
  next: RoutedShipment;
  /** Absent for a change the mall does not hear of (new tracking entries on a parcel whose status stays). */
  entry?: { status: string; note: string };
  /** The supplier gave the parcel back: its lines are backordered or refused with this reason. */
  rejection?: { reason: string };
}

export type DropShipmentDecision = (found: { order: OrderDocument; shipment: RoutedShipment }, now: Date) => DropShipmentChange | undefined;

const MAX_ATTEMPTS = 5;

/**
 * Writes a drop-ship parcel's moves through OrderStore.update: version-guarded, the parcel, its lines and
 * the order's status in one write with a timeline entry and ShipmentStatusChanged (the mall's webhook).
 * A concurrent change of the order (another parcel, a cancel) makes it read and decide again.
 */
export class DropShipmentWriter {
  constructor(
    private readonly orders: Pick<DropShipOrders, 'getAny' | 'update'>,
    private readonly clock: Clock,
  ) {}

  async find(shipmentId: string): Promise<{ order: OrderDocument; shipment: RoutedShipment } | undefined> {
    const orderId = orderIdOfShipment(shipmentId);
    const order = orderId ? await this.orders.getAny(orderId) : null;
    const shipment = order?.shipments.find((candidate) => candidate.shipmentId === shipmentId);
    return order && shipment ? { order, shipment } : undefined;
  }

  /**
   * Applies `decide`'s change to the parcel; undefined from `decide` means nothing to do (already there,
   * or moved past it). Resolves with the parcel as written, or undefined when nothing was written.
   */
  async change(shipmentId: string, decide: DropShipmentDecision): Promise<RoutedShipment | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const found = await this.find(shipmentId);
      if (!found) return undefined;
      const now = this.clock.now();
      const change = decide(found, now);
      if (!change) return undefined;
      if (await this.write(found.order, change, now)) return change.next;
    }
    throw new ConflictError(`shipment ${shipmentId} keeps changing; the next drop-ship poll tries again`, { shipmentId });
  }

  private async write(order: OrderDocument, change: DropShipmentChange, now: Date): Promise<boolean> {
    const { next, entry, rejection } = change;
    const shipments = order.shipments.map((candidate) => (candidate.shipmentId === next.shipmentId ? next : candidate));
    let lines: OrderLine[] = order.lines;
    if (rejection) lines = linesAfterSupplierRejection(lines, shipments, next, order.unavailablePolicy, rejection.reason);
    lines = linesOfShipments(lines, shipments);
    const status = statusOf(lines);
    const events = entry
      ? [
          tenantEvent(
            ShipmentStatusChanged,
            {
              shipmentId: next.shipmentId,
              orderId: order._id,
              warehouseId: shipmentOwner(next),
              status: next.status,
              ...(next.carrier ? { carrier: next.carrier } : {}),
              ...(next.trackingNumber ? { trackingNumber: next.trackingNumber } : {}),
              ...(rejection ? { reason: rejection.reason.slice(0, 500) } : {}),
              at: now.toISOString(),
            },
            order.tenantId,
            now,
          ),
        ]
      : [];
    const timeline = entry ? [{ at: now, ...entry }] : [];
    return this.orders.update(order._id, order.version, { shipments, lines, status }, timeline, events);
  }
}
