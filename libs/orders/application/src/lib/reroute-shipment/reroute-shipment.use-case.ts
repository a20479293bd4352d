import { ShipmentStatusChanged } from '@supply-hub/contracts';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import type { OrderDocument } from '@supply-hub/orders-data-access';
import type { Rerouting, RoutedShipment } from '@supply-hub/orders-domain';
import { linesAfter, planRouting, type RoutingDependencies, shipmentOwner, shipmentRequestedEvent, statusOf, takeHolds } from '../route-order/routing-plan';
import { tenantEvent } from '../shared/order-events';

const MAX_ATTEMPTS = 4;

/** Shipments a warehouse may still give back: not yet on their way. */
export const REROUTABLE: ReadonlySet<RoutedShipment['status']> = new Set(['requested', 'accepted']);

/**
 * A warehouse parcel goes elsewhere: the warehouse rejected it, did not accept it in time, or missed the
 * 48-hour promise. Its lines are routed again without the warehouses that gave it back; the new holds are
 * taken before the order changes and the old ones released after, with an intent covering both, so a
 * crash at any point leaves stock that recovery can put right.
 */
export class RerouteShipment {
  constructor(private readonly deps: RoutingDependencies) {}

  async execute(shipmentId: string, orderId: string, reason: string, by: Rerouting['by']): Promise<OrderDocument> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const order = await this.deps.orders.getAny(orderId);
      const shipment = order?.shipments.find((candidate) => candidate.shipmentId === shipmentId);
      if (!order || !shipment) throw new NotFoundError('shipment', shipmentId);
      if (!REROUTABLE.has(shipment.status) || shipment.kind !== 'warehouse') {
        throw new ConflictError(`shipment ${shipmentId} is ${shipment.status}; only a requested or accepted warehouse parcel can be rerouted`, {
          shipmentId,
          status: shipment.status,
        });
      }
      const done = await this.attempt(order, shipment, reason, by);
      if (done) return done;
    }
    throw new ConflictError(`order ${orderId} kept changing while shipment ${shipmentId} was rerouted; try again`, { shipmentId });
  }

  private async attempt(order: OrderDocument, shipment: RoutedShipment, reason: string, by: Rerouting['by']): Promise<OrderDocument | undefined> {
    const now = this.deps.clock.now();
    const excluded = new Set([...(shipment.rejectedBy ?? []), shipment.warehouseId!]);
    const plan = await planRouting(this.deps, order, shipment.lines, excluded, now);
    const old = order.reservations.filter((hold) => hold.shipmentId === shipment.shipmentId && hold.state === 'held');
    const intentId = await this.deps.orders.writeIntent({
      orderId: order._id,
      tenantId: order.tenantId,
      operation: 'reroute',
      planned: [...old, ...plan.planned],
      at: now,
    });
    const holds = await takeHolds(this.deps, plan, now);
    if (!holds.ok) {
      await this.deps.orders.dropIntent(intentId);
      return undefined;
    }
    const replaced: RoutedShipment = { ...shipment, status: 'rejected', rejectedBy: [...excluded] };
    const shipments = [...order.shipments.map((candidate) => (candidate.shipmentId === shipment.shipmentId ? replaced : candidate)), ...plan.shipments];
    const reservations = [
      ...order.reservations.map((hold) => (hold.shipmentId === shipment.shipmentId && hold.state === 'held' ? { ...hold, state: 'released' as const } : hold)),
      ...plan.planned,
    ];
    const affected = order.lines.filter((line) => shipment.lines.some((moved) => moved.lineId === line.lineId));
    const updatedLines = linesAfter(
      affected.map((line) => ({ ...line, shipmentId: undefined })),
      plan.decision,
      plan.shipments,
    );
    const lines = order.lines.map((line) => updatedLines.find((updated) => updated.lineId === line.lineId) ?? line);
    const status = statusOf(lines);
    const destinations = plan.shipments.map((next) => shipmentOwner(next)).join(', ') || 'nowhere';
    const note = `${shipment.shipmentId} ${by} by ${shipment.warehouseId} (${reason}); rerouted to ${destinations}`;
    const events = [
      tenantEvent(
        ShipmentStatusChanged,
        {
          shipmentId: shipment.shipmentId,
          orderId: order._id,
          warehouseId: shipment.warehouseId!,
          status: 'rejected',
          reason: `${by}: ${reason}`.slice(0, 500),
          at: now.toISOString(),
        },
        order.tenantId,
        now,
      ),
      ...plan.shipments.map((next) => shipmentRequestedEvent(order, next, now)),
    ];
    const rerouting = { shipmentId: shipment.shipmentId, at: now, by, reason, explanation: plan.decision.explanation };
    const changes = { status, lines, shipments, reservations, reroutings: [...(order.reroutings ?? []), rerouting] };
    const timeline = [{ at: now, status: `shipment-${by}`, note }];
    if (!(await this.deps.orders.update(order._id, order.version, changes, timeline, events))) {
      await holds.undo();
      await this.deps.orders.dropIntent(intentId);
      return undefined;
    }
    for (const hold of old) await this.deps.stock.release(hold.warehouseId, hold.skuId, hold.quantity, hold.holdId, `shipment ${by}`, now);
    await this.deps.orders.dropIntent(intentId);
    return { ...order, ...changes, version: order.version + 1, timeline: [...order.timeline, ...timeline] };
  }
}
