import { ShipmentStatusChanged } from '@supply-hub/contracts';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore, WarehouseStockStore } from '@supply-hub/orders-data-access';
import { type OrderLine, orderIdOfShipment, type RoutedShipment } from '@supply-hub/orders-domain';
import type { RerouteShipment } from '../reroute-shipment/reroute-shipment.use-case';
import { statusOf } from '../route-order/routing-plan';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';

export class ShipmentStateError extends ConflictError {
  override readonly code = 'shipment-state';
}

export interface ShipmentView {
  order: OrderDocument;
  shipment: RoutedShipment;
}

/**
 * What a warehouse does with the parcels routed to it: accept, dispatch with carrier and tracking number,
 * or reject (the parcel is rerouted to the next best warehouse). A warehouse only ever sees its own
 * parcels: another warehouse's shipment id answers 404, as an unknown one does.
 */
export class WarehouseShipments {
  constructor(
    private readonly orders: OrderStore,
    private readonly stock: WarehouseStockStore,
    private readonly reroute: RerouteShipment,
    private readonly clock: Clock,
  ) {}

  async find(warehouseId: string, shipmentId: string): Promise<ShipmentView> {
    const orderId = orderIdOfShipment(shipmentId);
    const order = orderId ? await this.orders.getAny(orderId) : null;
    const shipment = order?.shipments.find((candidate) => candidate.shipmentId === shipmentId && candidate.warehouseId === warehouseId);
    if (!order || !shipment) throw new NotFoundError('shipment', shipmentId);
    return { order, shipment };
  }

  async accept(warehouseId: string, shipmentId: string): Promise<ShipmentView> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { order, shipment } = await this.find(warehouseId, shipmentId);
      if (shipment.status === 'accepted') return { order, shipment };
      if (shipment.status !== 'requested')
        throw new ShipmentStateError(`shipment ${shipmentId} is ${shipment.status}; only a requested parcel can be accepted`, {
          shipmentId,
          status: shipment.status,
        });
      const now = this.clock.now();
      const next: RoutedShipment = { ...shipment, status: 'accepted', acceptedAt: now };
      const updated = await this.write(order, next, now, { status: 'shipment-accepted', note: `${shipmentId} accepted by ${warehouseId}` }, {});
      if (updated) return updated;
    }
    throw new ConflictError(`shipment ${shipmentId} keeps changing; try again`, { shipmentId });
  }

  /** The parcel left: its held units are consumed (on hand and reserved both drop) after the order says so. */
  async dispatch(warehouseId: string, shipmentId: string, carrier: string, trackingNumber: string): Promise<ShipmentView> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { order, shipment } = await this.find(warehouseId, shipmentId);
      if (shipment.status === 'dispatched' && shipment.carrier === carrier && shipment.trackingNumber === trackingNumber) return { order, shipment };
      if (shipment.status !== 'requested' && shipment.status !== 'accepted') {
        throw new ShipmentStateError(`shipment ${shipmentId} is ${shipment.status}; only a requested or accepted parcel can be dispatched`, {
          shipmentId,
          status: shipment.status,
        });
      }
      const now = this.clock.now();
      const held = order.reservations.filter((hold) => hold.shipmentId === shipmentId && hold.state === 'held');
      const intentId = await this.orders.writeIntent({ orderId: order._id, tenantId: order.tenantId, operation: 'dispatch', planned: held, at: now });
      const next: RoutedShipment = {
        ...shipment,
        status: 'dispatched',
        acceptedAt: shipment.acceptedAt ?? now,
        dispatchedAt: now,
        carrier,
        trackingNumber,
        trackingSubscribed: false,
      };
      const reservations = order.reservations.map((hold) =>
        hold.shipmentId === shipmentId && hold.state === 'held' ? { ...hold, state: 'consumed' as const } : hold,
      );
      const late = now > shipment.dispatchBy ? ' (after the 48-hour promise)' : '';
      const updated = await this.write(
        order,
        next,
        now,
        { status: 'shipment-dispatched', note: `${shipmentId} dispatched by ${warehouseId} with ${carrier} ${trackingNumber}${late}` },
        { reservations },
      );
      if (!updated) {
        await this.orders.dropIntent(intentId);
        continue;
      }
      for (const hold of held) await this.stock.consume(hold.warehouseId, hold.skuId, hold.quantity, hold.holdId, now);
      await this.orders.dropIntent(intentId);
      return updated;
    }
    throw new ConflictError(`shipment ${shipmentId} keeps changing; try again`, { shipmentId });
  }

  async reject(warehouseId: string, shipmentId: string, reason: string): Promise<OrderDocument> {
    const { order } = await this.find(warehouseId, shipmentId);
    return this.reroute.execute(shipmentId, order._id, reason, 'rejected');
  }

  /** Writes one parcel's new state, the lines it carries and the order's status, with the parcel's event. */
  private async write(
    order: OrderDocument,
    next: RoutedShipment,
    now: Date,
    entry: { status: string; note: string },
    more: Partial<Pick<OrderDocument, 'reservations'>>,
  ): Promise<ShipmentView | undefined> {
    const shipments = order.shipments.map((candidate) => (candidate.shipmentId === next.shipmentId ? next : candidate));
    const lines = linesOfShipments(order.lines, shipments);
    const status = statusOf(lines);
    const event = tenantEvent(
      ShipmentStatusChanged,
      {
        shipmentId: next.shipmentId,
        orderId: order._id,
        warehouseId: next.warehouseId!,
        status: next.status,
        ...(next.carrier ? { carrier: next.carrier } : {}),
        ...(next.trackingNumber ? { trackingNumber: next.trackingNumber } : {}),
        at: now.toISOString(),
      },
      order.tenantId,
      now,
    );
    const changes = { shipments, lines, status, ...more };
    const timeline = [{ at: now, ...entry }];
    if (!(await this.orders.update(order._id, order.version, changes, timeline, [event]))) return undefined;
    return { order: { ...order, ...changes, version: order.version + 1, timeline: [...order.timeline, ...timeline] }, shipment: next };
  }
}

const MOVED: Record<string, OrderLine['status'] | undefined> = {
  dispatched: 'dispatched',
  'in-transit': 'dispatched',
  'out-for-delivery': 'dispatched',
  exception: 'dispatched',
  delivered: 'delivered',
};

/**
 * A physical line's status from the live parcels carrying it: delivered when all of them are, dispatched
 * when any has left; otherwise it keeps what routing gave it.
 */
export function linesOfShipments(lines: readonly OrderLine[], shipments: readonly RoutedShipment[]): OrderLine[] {
  return lines.map((line) => {
    if (line.kind !== 'physical' || line.status === 'cancelled') return line;
    const carriers = shipments.filter(
      (shipment) => shipment.status !== 'rejected' && shipment.status !== 'cancelled' && shipment.lines.some((shipped) => shipped.lineId === line.lineId),
    );
    const moved = carriers.map((shipment) => MOVED[shipment.status]);
    if (carriers.length === 0 || moved.every((status) => status === undefined)) return line;
    return { ...line, status: moved.every((status) => status === 'delivered') ? 'delivered' : 'dispatched' };
  });
}
