import { randomBytes } from 'node:crypto';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError, type MongoOutboxStore } from '@supply-hub/mongo';
import type { Order, OrderStatus, Rerouting, Reservation, RoutedShipment } from '@supply-hub/orders-domain';
import type { Collection, Db } from 'mongodb';

export const ORDERS_COLLECTION = 'orders';
export const ROUTING_INTENTS_COLLECTION = 'routing_intents';

/** An order as stored: `_id` is the order id; reservations and shipments ride on the order document. */
export type OrderDocument = Omit<Order, 'orderId'> & {
  _id: string;
  reservations: Reservation[];
  shipments: RoutedShipment[];
  routing?: unknown;
  reroutings?: Rerouting[];
  version: number;
};

/**
 * A stock operation in progress on an order (taking it in, routing, rerouting, cancelling, dispatching):
 * the holds it may touch, written before the first. If the process dies before the intent is dropped,
 * recovery compares these holds with what the order records and puts the stock right: a hold the order
 * does not keep is released (or consumed, when the order says dispatched), an order still `accepted` is
 * routed. A small collection (one document per operation in flight), so scanning it is cheap on FerretDB.
 */
export interface RoutingIntent {
  _id: string;
  orderId: string;
  tenantId: string;
  operation: 'intake' | 'route' | 'reroute' | 'cancel' | 'dispatch';
  planned: Reservation[];
  at: Date;
}

export class OrderStore {
  readonly orders: Collection<OrderDocument>;
  readonly intents: Collection<RoutingIntent>;

  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
  ) {
    this.orders = db.collection<OrderDocument>(ORDERS_COLLECTION);
    this.intents = db.collection<RoutingIntent>(ROUTING_INTENTS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // MongoDB's indexes for the mall's order list; FerretDB serves it by scan.
    await this.orders.createIndex({ tenantId: 1, createdAt: -1 });
    await this.orders.createIndex({ tenantId: 1, status: 1, createdAt: -1 });
    await this.orders.createIndex({ 'shipments.warehouseId': 1, 'shipments.status': 1 });
    await this.orders.createIndex({ 'shipments.trackingSubscribed': 1 });
  }

  /**
   * Orders with a parcel of `warehouseId` and a parcel in one of `statuses`, oldest first (a warehouse's
   * work queue). Not necessarily the same parcel: FerretDB 1.24 has no $elemMatch on fields, so callers
   * pick the parcels that match both.
   */
  async withShipments(warehouseId: string, statuses: readonly string[], limit: number): Promise<OrderDocument[]> {
    return this.orders
      .find({ 'shipments.warehouseId': warehouseId, 'shipments.status': { $in: [...statuses] } })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Every order with a parcel still to ship, oldest first, page by page (no limit: one would leave the
   * newest unseen once enough escalated parcels stay open at the head). Each page is read whole before the
   * caller writes, so no cursor stays open across the writes. FerretDB 1.24 serves it by scanning.
   */
  async *openOrders(pageSize = 200): AsyncIterable<OrderDocument> {
    let after: Pick<OrderDocument, 'createdAt' | '_id'> | undefined;
    for (;;) {
      const query: Record<string, unknown> = { 'shipments.status': { $in: ['requested', 'accepted'] } };
      if (after) query.$or = [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after._id } }];
      const page = await this.orders.find(query).sort({ createdAt: 1, _id: 1 }).limit(pageSize).toArray();
      yield* page;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!;
    }
  }

  /**
   * Orders with a parcel never subscribed for tracking (dispatch writes `trackingSubscribed: false`) or
   * whose subscription the carrier gave up (abort), by order id after `afterOrderId`. Which parcel matched
   * is decided again in memory (FerretDB 1.24 has no $elemMatch on fields).
   */
  async awaiting(afterOrderId: string | undefined, limit: number): Promise<OrderDocument[]> {
    const filter: Record<string, unknown> = {
      $or: [{ 'shipments.trackingSubscribed': false }, { 'shipments.tracking.subscription': 'aborted' }],
      ...(afterOrderId ? { _id: { $gt: afterOrderId } } : {}),
    };
    return this.orders.find(filter).sort({ _id: 1 }).limit(limit).toArray();
  }

  /** Orders with a parcel whose promise falls in [from, to) (and maybe other parcels: callers pick); parcels only. */
  async withParcelsDue(from: Date, to: Date): Promise<Pick<OrderDocument, '_id' | 'shipments'>[]> {
    return this.orders.find({ 'shipments.dispatchBy': { $gte: from, $lt: to } }, { projection: { shipments: 1 } }).toArray();
  }

  /** Orders with a parcel dispatched at or after `since`; parcels only. */
  async withParcelsDispatchedSince(since: Date): Promise<Pick<OrderDocument, '_id' | 'shipments'>[]> {
    return this.orders.find({ 'shipments.dispatchedAt': { $gte: since } }, { projection: { shipments: 1 } }).toArray();
  }

  /** Stores a new order with its events; the existing one when this order id is already taken. */
  async insert(order: OrderDocument, events: readonly SerializedEvent[]): Promise<{ created: boolean; order: OrderDocument }> {
    try {
      await this.outbox.insertOne(ORDERS_COLLECTION, order, events);
      return { created: true, order };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.orders.findOne({ _id: order._id });
      if (!existing) throw error;
      return { created: false, order: existing };
    }
  }

  /** The tenant's order, or null (also when it belongs to another tenant). */
  async get(tenantId: string, orderId: string): Promise<OrderDocument | null> {
    return this.orders.findOne({ _id: orderId, tenantId });
  }

  async getAny(orderId: string): Promise<OrderDocument | null> {
    return this.orders.findOne({ _id: orderId });
  }

  /**
   * Writes `changes` if the order is still at `version` (and in one of `from`, when given), with its events:
   * false when someone changed it first.
   */
  async update(
    orderId: string,
    version: number,
    changes: Partial<Omit<OrderDocument, '_id' | 'version' | 'tenantId' | 'timeline'>>,
    timeline: Order['timeline'],
    events: readonly SerializedEvent[],
    from?: readonly OrderStatus[],
  ): Promise<boolean> {
    return this.outbox.updateOne(
      ORDERS_COLLECTION,
      { _id: orderId, version, ...(from ? { status: { $in: [...from] } } : {}) },
      { $set: { ...changes, updatedAt: new Date() }, $inc: { version: 1 }, $push: { timeline: { $each: timeline } } },
      events,
    );
  }

  /** The tenant's orders, newest first, optionally by status, after a cursor (createdAt + id). */
  async list(tenantId: string, filter: { status?: OrderStatus; before?: { createdAt: Date; orderId: string } }, limit: number): Promise<OrderDocument[]> {
    const query: Record<string, unknown> = { tenantId, ...(filter.status ? { status: filter.status } : {}) };
    if (filter.before) {
      query.$or = [{ createdAt: { $lt: filter.before.createdAt } }, { createdAt: filter.before.createdAt, _id: { $lt: filter.before.orderId } }];
    }
    return this.orders.find(query).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray();
  }

  /** Records an operation about to touch stock; its id is what dropIntent takes. */
  async writeIntent(intent: Omit<RoutingIntent, '_id'>): Promise<string> {
    const _id = `${intent.orderId}:${intent.operation}:${intent.at.getTime()}:${randomBytes(4).toString('hex')}`;
    await this.intents.insertOne({ _id, ...intent });
    return _id;
  }

  async dropIntent(intentId: string): Promise<void> {
    await this.intents.deleteOne({ _id: intentId });
  }

  /**
   * Whether another order's stock operation in flight plans holds of one of `skuIds`. Reads the intents, a
   * small collection (one document per operation in flight), so the scan is cheap on FerretDB.
   */
  async othersWorkingOn(orderId: string, skuIds: readonly string[]): Promise<boolean> {
    const wanted = new Set(skuIds);
    const intents = await this.intents.find({ orderId: { $ne: orderId } }, { projection: { planned: 1 } }).toArray();
    return intents.some((intent) => intent.planned.some((hold) => wanted.has(hold.skuId)));
  }

  async staleIntents(olderThan: Date, limit: number): Promise<RoutingIntent[]> {
    return this.intents
      .find({ at: { $lt: olderThan } })
      .limit(limit)
      .toArray();
  }
}
