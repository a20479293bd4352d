import type { ShipmentStatus } from '@supply-hub/orders-domain';
import type { Filter } from 'mongodb';
import type { OrderDocument, OrderStore } from './order.store';

/**
 * The reads drop-ship needs on the orders collection, each backed by an index: orders holding a parcel
 * of a supplier in some status (the poller's work), and the order holding a supplier's order id (a
 * supplier's message names only its own id). Which parcel matched is decided again in memory: FerretDB
 * 1.24 has no $elemMatch on fields.
 */
export class DropShipOrderQueries {
  constructor(private readonly store: Pick<OrderStore, 'orders'>) {}

  async ensureIndexes(): Promise<void> {
    await this.store.orders.createIndex({ 'shipments.supplierSourceId': 1, 'shipments.status': 1 });
    await this.store.orders.createIndex({ 'shipments.supplierOrderId': 1 });
  }

  /** Orders with a parcel of `sourceId` and a parcel in one of `statuses`, by order id after `afterOrderId`, at most `limit`. */
  async withSupplierShipments(
    sourceId: string,
    statuses: readonly ShipmentStatus[],
    afterOrderId: string | undefined,
    limit: number,
  ): Promise<OrderDocument[]> {
    const filter: Filter<OrderDocument> = {
      'shipments.supplierSourceId': sourceId,
      'shipments.status': { $in: [...statuses] },
      ...(afterOrderId ? { _id: { $gt: afterOrderId } } : {}),
    };
    return this.store.orders.find(filter).sort({ _id: 1 }).limit(limit).toArray();
  }

  /** The order holding the parcel `sourceId` knows as `supplierOrderId`, or null. */
  async bySupplierOrder(sourceId: string, supplierOrderId: string): Promise<OrderDocument | null> {
    return this.store.orders.findOne({ 'shipments.supplierOrderId': supplierOrderId, 'shipments.supplierSourceId': sourceId });
  }
}
