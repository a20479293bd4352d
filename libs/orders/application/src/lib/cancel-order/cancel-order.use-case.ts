import { OrderCancelled, ShipmentStatusChanged } from '@supply-hub/contracts';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore, WarehouseStockStore } from '@supply-hub/orders-data-access';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';

export class OrderNotCancellableError extends ConflictError {
  override readonly code = 'order-not-cancellable';
}

const DISPATCHED = new Set(['dispatched', 'in-transit', 'out-for-delivery', 'delivered', 'exception']);

/**
 * Cancels an order before any of its parcels left: the stock it held is released, each parcel is
 * cancelled (the warehouse learns it by event). After dispatch it is refused with a 409: after-sales
 * handles goods that are on their way.
 */
export class CancelOrder {
  constructor(
    private readonly orders: OrderStore,
    private readonly stock: WarehouseStockStore,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: string, orderId: string, reason: string): Promise<OrderDocument> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const order = await this.orders.get(tenantId, orderId);
      if (!order) throw new NotFoundError('order', orderId);
      if (order.status === 'cancelled') return order;
      if (order.shipments.some((shipment) => DISPATCHED.has(shipment.status))) {
        throw new OrderNotCancellableError(`order ${orderId} has a parcel on its way; open an after-sales case instead`, { orderId });
      }
      const now = this.clock.now();
      const events = [
        tenantEvent(OrderCancelled, { orderId, mallOrderId: order.mallOrderId, reason }, tenantId, now),
        ...order.shipments
          .filter((shipment) => shipment.status !== 'cancelled' && shipment.status !== 'rejected')
          .map((shipment) =>
            tenantEvent(
              ShipmentStatusChanged,
              {
                shipmentId: shipment.shipmentId,
                orderId,
                warehouseId: shipment.warehouseId ?? `supplier:${shipment.supplierSourceId}`,
                status: 'cancelled',
                reason,
                at: now.toISOString(),
              },
              tenantId,
              now,
            ),
          ),
      ];
      const changes = {
        status: 'cancelled' as const,
        lines: order.lines.map((line) => ({ ...line, status: 'cancelled' as const })),
        shipments: order.shipments.map((shipment) => (shipment.status === 'rejected' ? shipment : { ...shipment, status: 'cancelled' as const })),
        reservations: order.reservations.map((hold) => ({ ...hold, state: hold.state === 'held' ? ('released' as const) : hold.state })),
      };
      const held = order.reservations.filter((candidate) => candidate.state === 'held');
      // Released after the order says cancelled; the intent lets recovery finish the job after a crash.
      const intentId = await this.orders.writeIntent({ orderId, tenantId, operation: 'cancel', planned: held, at: now });
      if (!(await this.orders.update(orderId, order.version, changes, [{ at: now, status: 'cancelled', note: reason }], events))) {
        await this.orders.dropIntent(intentId);
        continue;
      }
      for (const hold of held) await this.stock.release(hold.warehouseId, hold.skuId, hold.quantity, hold.holdId, 'order cancelled', now);
      await this.orders.dropIntent(intentId);
      return { ...order, ...changes, version: order.version + 1, timeline: [...order.timeline, { at: now, status: 'cancelled', note: reason }] };
    }
    throw new ConflictError(`order ${orderId} keeps changing; try again`, { orderId });
  }
}
