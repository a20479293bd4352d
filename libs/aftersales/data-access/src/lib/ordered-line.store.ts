import type { LineClaim, LineParcel, OrderedLine } from '@supply-hub/aftersales-domain';
import type { Collection, Db } from 'mongodb';

export const ORDERED_LINES_COLLECTION = 'ordered_lines';
export const ORDERED_ORDERS_COLLECTION = 'ordered_orders';
export const ORDERED_SHIPMENTS_COLLECTION = 'ordered_shipments';

/**
 * An order line as aftersales stores it: `_id` is `<orderId>:<lineId>` (order ids already embed the
 * tenant). Parcels and claims are maps keyed by shipment / case id, so each event sets one field and
 * redelivery sets the same field again (idempotent without a ledger); no arrays in arrays.
 */
export interface OrderedLineDocument {
  _id: string;
  tenantId: string;
  orderId: string;
  mallOrderId: string;
  lineId: string;
  skuId: string;
  kind: 'physical' | 'virtual';
  quantity: number;
  unitPriceFen?: number;
  cityCode: string;
  replacementFor?: string;
  parcels: Record<string, Omit<LineParcel, 'shipmentId' | 'deliveredAt'>>;
  issuedAt?: Date;
  claims: Record<string, Omit<LineClaim, 'caseId'>>;
  version: number;
}

/** An order: its lines and, for a replacement, the case it answers. */
export interface OrderedOrderDocument {
  _id: string;
  tenantId: string;
  mallOrderId: string;
  lineIds: string[];
  replacementFor?: { caseId: string; orderId: string; lineId: string };
  /** Lines order-router refused (nothing could ship them). */
  refusedLineIds?: string[];
  /** The order's parcels, as shipment events name them (they may come before the order's own events). */
  shipmentIds?: string[];
}

/** A parcel's progress, whichever of the order's or the shipment's events came first. */
export interface OrderedShipmentDocument {
  _id: string;
  orderId: string;
  tenantId: string;
  status: string;
  dispatchedAt?: Date;
  deliveredAt?: Date;
}

export function lineDocumentId(orderId: string, lineId: string): string {
  return `${orderId}:${lineId}`;
}

export class OrderedLineStore {
  readonly lines: Collection<OrderedLineDocument>;
  readonly orders: Collection<OrderedOrderDocument>;
  readonly shipments: Collection<OrderedShipmentDocument>;

  constructor(db: Db) {
    this.lines = db.collection<OrderedLineDocument>(ORDERED_LINES_COLLECTION);
    this.orders = db.collection<OrderedOrderDocument>(ORDERED_ORDERS_COLLECTION);
    this.shipments = db.collection<OrderedShipmentDocument>(ORDERED_SHIPMENTS_COLLECTION);
  }

  /** Records an accepted order's lines; a redelivery finds them and changes nothing. */
  async recordOrder(order: Omit<OrderedOrderDocument, 'shipmentIds'>, lines: readonly Omit<OrderedLineDocument, '_id' | 'parcels' | 'claims' | 'version'>[]): Promise<void> {
    // $set, not $setOnInsert: a shipment event may have created the document first (with its parcel only).
    const { _id, ...fields } = order;
    await this.orders.updateOne({ _id }, { $set: fields }, { upsert: true });
    for (const line of lines) {
      await this.lines.updateOne(
        { _id: lineDocumentId(line.orderId, line.lineId) },
        { $setOnInsert: { ...line, parcels: {}, claims: {}, version: 1 } },
        { upsert: true },
      );
    }
  }

  async order(orderId: string): Promise<OrderedOrderDocument | null> {
    return this.orders.findOne({ _id: orderId });
  }

  /** Notes which parcel carries how many units of a line. */
  async recordParcel(orderId: string, lineId: string, shipmentId: string, parcel: Omit<LineParcel, 'shipmentId' | 'deliveredAt'>): Promise<void> {
    await this.lines.updateOne({ _id: lineDocumentId(orderId, lineId) }, { $set: { [`parcels.${shipmentId}`]: parcel } });
  }

  async recordRefusedLines(orderId: string, lineIds: readonly string[]): Promise<void> {
    await this.orders.updateOne({ _id: orderId }, { $set: { refusedLineIds: [...lineIds] } });
  }

  /** A parcel's status; dispatch and delivery times are kept once set (a late duplicate does not move them). */
  async recordShipmentStatus(shipment: { shipmentId: string; orderId: string; tenantId: string; status: string; at: Date }): Promise<void> {
    const set: Record<string, unknown> = { orderId: shipment.orderId, tenantId: shipment.tenantId, status: shipment.status };
    await this.shipments.updateOne({ _id: shipment.shipmentId }, { $set: set }, { upsert: true });
    await this.orders.updateOne({ _id: shipment.orderId }, { $addToSet: { shipmentIds: shipment.shipmentId } }, { upsert: true });
    if (shipment.status === 'dispatched' || shipment.status === 'delivered') {
      const field = shipment.status === 'dispatched' ? 'dispatchedAt' : 'deliveredAt';
      await this.shipments.updateOne({ _id: shipment.shipmentId, [field]: { $exists: false } }, { $set: { [field]: shipment.at } });
    }
  }

  /** The order's parcels as their shipment events left them. */
  async shipmentsOf(order: Pick<OrderedOrderDocument, 'shipmentIds'>): Promise<OrderedShipmentDocument[]> {
    const ids = order.shipmentIds ?? [];
    return ids.length === 0 ? [] : this.shipments.find({ _id: { $in: ids } }).toArray();
  }

  async recordIssued(orderId: string, lineId: string, at: Date): Promise<void> {
    await this.lines.updateOne({ _id: lineDocumentId(orderId, lineId), issuedAt: { $exists: false } }, { $set: { issuedAt: at } });
  }

  /** The line with its parcels' delivery times, for the tenant (null for another tenant's line). */
  async line(tenantId: string, orderId: string, lineId: string): Promise<{ line: OrderedLine; version: number } | null> {
    const document = await this.lines.findOne({ _id: lineDocumentId(orderId, lineId), tenantId });
    if (!document) return null;
    const shipmentIds = Object.keys(document.parcels);
    const shipments = shipmentIds.length === 0 ? [] : await this.shipments.find({ _id: { $in: shipmentIds } }).toArray();
    const deliveredAt = new Map(shipments.flatMap((shipment) => (shipment.deliveredAt ? [[shipment._id, shipment.deliveredAt] as const] : [])));
    const line: OrderedLine = {
      tenantId: document.tenantId,
      orderId: document.orderId,
      mallOrderId: document.mallOrderId,
      lineId: document.lineId,
      skuId: document.skuId,
      kind: document.kind,
      quantity: document.quantity,
      ...(document.unitPriceFen !== undefined ? { unitPriceFen: document.unitPriceFen } : {}),
      cityCode: document.cityCode,
      ...(document.replacementFor ? { replacementFor: document.replacementFor } : {}),
      parcels: Object.entries(document.parcels).map(([shipmentId, parcel]) => ({
        shipmentId,
        ...parcel,
        ...(deliveredAt.has(shipmentId) ? { deliveredAt: deliveredAt.get(shipmentId)! } : {}),
      })),
      ...(document.issuedAt ? { issuedAt: document.issuedAt } : {}),
      claims: Object.entries(document.claims).map(([caseId, claim]) => ({ caseId, ...claim })),
    };
    return { line, version: document.version };
  }

  /** Holds `quantity` units for a case if nobody changed the line since it was read at `version`. */
  async claim(orderId: string, lineId: string, version: number, caseId: string, quantity: number, at: Date): Promise<boolean> {
    const result = await this.lines.updateOne(
      { _id: lineDocumentId(orderId, lineId), version },
      { $set: { [`claims.${caseId}`]: { quantity, at } }, $inc: { version: 1 } },
    );
    return result.matchedCount === 1;
  }

  /** Gives a case's units back (rejected, withdrawn, or never stored). */
  async release(orderId: string, lineId: string, caseId: string): Promise<void> {
    await this.lines.updateOne({ _id: lineDocumentId(orderId, lineId) }, { $unset: { [`claims.${caseId}`]: '' }, $inc: { version: 1 } });
  }
}
