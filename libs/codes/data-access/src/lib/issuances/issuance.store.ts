import type { Issuance, IssuanceStatus } from '@supply-hub/codes-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError, type MongoOutboxStore, type OutboxFields } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const ISSUANCES_COLLECTION = 'issuances';

/** An issuance as stored: `_id` is the issuance id (derived from tenant, order and line: unique per line). */
export type IssuanceDocument = Omit<Issuance, 'issuanceId'> & { _id: string; version: number };

/** The issuance in a stored document, without the storage fields (version, outbox). */
export function toIssuance(document: IssuanceDocument): Issuance {
  const { _id, version: _version, outbox: _outbox, outboxPending: _pending, outboxVersion: _outboxVersion, ...rest } = document as IssuanceDocument & Partial<OutboxFields>;
  return { issuanceId: _id, ...rest };
}

export function issuanceDocumentOf(issuance: Issuance, version: number): IssuanceDocument {
  const { issuanceId, ...fields } = issuance;
  return { _id: issuanceId, ...fields, version };
}

export class IssuanceStore {
  readonly issuances: Collection<IssuanceDocument>;

  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
  ) {
    this.issuances = db.collection<IssuanceDocument>(ISSUANCES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // The sweep's query: unsettled issuances whose next check is due.
    await this.issuances.createIndex({ status: 1, nextCheckAt: 1 });
    await this.issuances.createIndex({ tenantId: 1, orderId: 1 });
    await this.issuances.createIndex({ 'attempts.orderNo': 1 });
  }

  /** Stores a new issuance with its events; the existing one when the line already has one. */
  async insert(issuance: Issuance, events: readonly SerializedEvent[]): Promise<{ created: boolean; issuance: IssuanceDocument }> {
    const document = issuanceDocumentOf(issuance, 1);
    try {
      await this.outbox.insertOne(ISSUANCES_COLLECTION, document, events);
      return { created: true, issuance: document };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.issuances.findOne({ _id: document._id });
      if (!existing) throw error;
      return { created: false, issuance: existing };
    }
  }

  async getAny(issuanceId: string): Promise<IssuanceDocument | null> {
    return this.issuances.findOne({ _id: issuanceId });
  }

  /** The tenant's issuance, or null (also when it belongs to another tenant). */
  async get(tenantId: string, issuanceId: string): Promise<IssuanceDocument | null> {
    return this.issuances.findOne({ _id: issuanceId, tenantId });
  }

  async ofOrder(tenantId: string, orderId: string): Promise<IssuanceDocument[]> {
    return this.issuances.find({ tenantId, orderId }).sort({ lineId: 1 }).toArray();
  }

  /** The issuance that sent provider order `orderNo` (a notify names only that). */
  async byOrderNo(orderNo: string): Promise<IssuanceDocument | null> {
    return this.issuances.findOne({ 'attempts.orderNo': orderNo });
  }

  /**
   * Writes the issuance if it is still at `version`, with its events, in one write: false when someone
   * changed it first (the caller reads it again and decides again).
   */
  async update(issuance: Issuance, version: number, events: readonly SerializedEvent[]): Promise<boolean> {
    const { issuanceId, ...rest } = issuance;
    return this.outbox.updateOne(ISSUANCES_COLLECTION, { _id: issuanceId, version }, { $set: { ...rest, version: version + 1 } }, events);
  }

  /** Unsettled issuances whose next check is due, soonest first. */
  async due(now: Date, limit: number): Promise<IssuanceDocument[]> {
    return this.issuances
      .find({ status: { $in: ['pending', 'processing'] satisfies IssuanceStatus[] }, nextCheckAt: { $lte: now } })
      .sort({ nextCheckAt: 1 })
      .limit(limit)
      .toArray();
  }

  /** Unsettled issuances taken in before `before` (the stuck report and gauge). */
  async unsettledSince(before: Date, limit: number): Promise<IssuanceDocument[]> {
    return this.issuances
      .find({ status: { $in: ['pending', 'processing'] satisfies IssuanceStatus[] }, createdAt: { $lt: before } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }

  async countUnsettledSince(before: Date): Promise<number> {
    return this.issuances.countDocuments({ status: { $in: ['pending', 'processing'] }, createdAt: { $lt: before } });
  }
}
