import type { OrderStore, RoutingIntent, WarehouseStockStore } from '@supply-hub/orders-data-access';
import type { Clock } from '../shared/clock';
import type { RouteOrder } from '../route-order/route-order.use-case';

export interface RecoverRoutingsOptions {
  /** An intent older than this belongs to a process that died (operations take milliseconds). */
  staleAfterMs: number;
  batchSize?: number;
}

export interface RecoveryReport {
  intents: number;
  released: number;
  consumed: number;
  routed: number;
}

/**
 * Puts stock right after a process died mid-operation. For every stale intent, the order is the truth:
 * a hold the order keeps as `held` stays; one it records as consumed (dispatched) is consumed; any other
 * hold that exists on the stock (a routing that never reached the order, a cancel or reroute that did
 * not get to release) is released. An order still `accepted` is then routed, so no order is left without
 * a route and no reservation without an order. Every step is idempotent: a second recovery finds nothing.
 */
export class RecoverRoutings {
  constructor(
    private readonly orders: OrderStore,
    private readonly stock: WarehouseStockStore,
    private readonly routing: RouteOrder,
    private readonly clock: Clock,
    private readonly options: RecoverRoutingsOptions,
  ) {}

  async runOnce(): Promise<RecoveryReport> {
    const report: RecoveryReport = { intents: 0, released: 0, consumed: 0, routed: 0 };
    const olderThan = new Date(this.clock.now().getTime() - this.options.staleAfterMs);
    const batchSize = this.options.batchSize ?? 100;
    // Batch after batch: each recovered intent is dropped, so the next read finds the rest.
    for (let batch = 0; batch < 100; batch++) {
      const intents = await this.orders.staleIntents(olderThan, batchSize);
      // Every stale hold of an order is given back before the order is routed again, so the new plan sees the units.
      for (const intent of intents) await this.putStockRight(intent, report);
      const orderIds = [...new Set(intents.map((intent) => intent.orderId))];
      for (const orderId of orderIds) {
        const order = await this.orders.getAny(orderId);
        if (order?.status !== 'accepted') continue;
        const routed = await this.routing.execute(order);
        if (routed.status !== 'accepted') report.routed++;
      }
      for (const intent of intents) await this.orders.dropIntent(intent._id);
      report.intents += intents.length;
      if (intents.length < batchSize) break;
    }
    return report;
  }

  private async putStockRight(intent: RoutingIntent, report: RecoveryReport): Promise<void> {
    const now = this.clock.now();
    const order = await this.orders.getAny(intent.orderId);
    for (const hold of intent.planned) {
      const recorded = order?.reservations.find((candidate) => candidate.holdId === hold.holdId);
      if (recorded?.state === 'held') continue;
      if (recorded?.state === 'consumed') {
        if (await this.stock.consume(hold.warehouseId, hold.skuId, hold.quantity, hold.holdId, now)) report.consumed++;
      } else if (await this.stock.release(hold.warehouseId, hold.skuId, hold.quantity, hold.holdId, `recovery of ${intent.operation}`, now)) {
        report.released++;
      }
    }
  }
}
