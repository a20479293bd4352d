import { type Issuance, issuanceIdOfOrderNo, isTerminalIssuance } from '@supply-hub/codes-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import type { MongoOutboxStore, OutboxFields } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const ISSUANCES_COLLECTION = 'issuances';
export const ISSUANCE_CHECKS_COLLECTION = 'issuance_checks';

/**
 * An unsettled issuance and when it is next due: the sweep's work list. A small collection (only what is
 * in flight), because on FerretDB a query on `issuances` itself would scan every issuance ever made.
 * Written before the issuance write that sets the check, removed after the one that settles it; a check
 * left behind by a crash is dropped by the next sweep that finds its issuance settled.
 */
interface IssuanceCheckDocument {
  _id: string;
  dueAt: Date;
  createdAt: Date;
}

/** An issuance as stored: `_id` is the issuance id (derived from tenant, order and line, and the case for a reissue: unique). */
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
  private readonly checks: Collection<IssuanceCheckDocument>;

  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
  ) {
    this.issuances = db.collection<IssuanceDocument>(ISSUANCES_COLLECTION);
    this.checks = db.collection<IssuanceCheckDocument>(ISSUANCE_CHECKS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.issuances.createIndex({ tenantId: 1, orderId: 1 });
    await this.checks.createIndex({ dueAt: 1 });
  }

  /** Stores a new issuance with its events; the existing one when the line already has one. */
  async insert(issuance: Issuance, events: readonly SerializedEvent[]): Promise<{ created: boolean; issuance: IssuanceDocument }> {
    return (await this.insertMany([{ issuance, events }]))[0]!;
  }

  /** insert for many issuances (no id twice) in one write; an id taken already gives the stored issuance. */
  async insertMany(entries: readonly { issuance: Issuance; events: readonly SerializedEvent[] }[]): Promise<{ created: boolean; issuance: IssuanceDocument }[]> {
    const documents = entries.map((entry) => issuanceDocumentOf(entry.issuance, 1));
    for (const entry of entries) await this.scheduleCheck(entry.issuance);
    const taken = new Set(
      await this.outbox.insertMany(
        ISSUANCES_COLLECTION,
        documents.map((document, index) => ({ document, events: entries[index]!.events })),
      ),
    );
    const stored = new Map(taken.size === 0 ? [] : (await this.issuances.find({ _id: { $in: [...taken].map(String) } }).toArray()).map((document) => [document._id, document]));
    return documents.map((document) => {
      if (!taken.has(document._id)) return { created: true, issuance: document };
      const existing = stored.get(document._id);
      // Taken, yet gone when read: removed in between, which nothing does to an issuance.
      if (!existing) throw new Error(`issuance ${document._id} exists and cannot be read`);
      return { created: false, issuance: existing };
    });
  }

  async getAny(issuanceId: string): Promise<IssuanceDocument | null> {
    return this.issuances.findOne({ _id: issuanceId });
  }

  /** The tenant's issuance, or null (also when it belongs to another tenant). */
  async get(tenantId: string, issuanceId: string): Promise<IssuanceDocument | null> {
    return this.issuances.findOne({ _id: issuanceId, tenantId });
  }

  /** The tenant's issuances of an order, by line: each line's own first, then its reissues as they came. */
  async ofOrder(tenantId: string, orderId: string): Promise<IssuanceDocument[]> {
    return this.issuances.find({ tenantId, orderId }).sort({ lineId: 1, createdAt: 1 }).toArray();
  }

  /** The issuance that sent provider order `orderNo` (a notify names only that; see attemptOrderNo). */
  async byOrderNo(orderNo: string): Promise<IssuanceDocument | null> {
    const issuanceId = issuanceIdOfOrderNo(orderNo);
    if (!issuanceId) return null;
    const issuance = await this.issuances.findOne({ _id: issuanceId });
    return issuance?.attempts.some((attempt) => attempt.orderNo === orderNo) ? issuance : null;
  }

  /**
   * Writes the issuance if it is still at `version`, with its events, in one write: false when someone
   * changed it first (the caller reads it again and decides again).
   */
  async update(issuance: Issuance, version: number, events: readonly SerializedEvent[]): Promise<boolean> {
    const { issuanceId, ...rest } = issuance;
    await this.scheduleCheck(issuance);
    const written = await this.outbox.updateOne(ISSUANCES_COLLECTION, { _id: issuanceId, version }, { $set: { ...rest, version: version + 1 } }, events);
    if (written && isTerminalIssuance(issuance.status)) await this.checks.deleteOne({ _id: issuanceId });
    return written;
  }

  /** The sweep's entry for an unsettled issuance with a next check (before the write that sets it). */
  private async scheduleCheck(issuance: Issuance): Promise<void> {
    if (isTerminalIssuance(issuance.status) || !issuance.nextCheckAt) return;
    await this.checks.updateOne({ _id: issuance.issuanceId }, { $set: { dueAt: issuance.nextCheckAt }, $setOnInsert: { createdAt: issuance.createdAt } }, { upsert: true });
  }

  /** Unsettled issuances whose next check is due, soonest first (checks of settled ones are dropped). */
  async due(now: Date, limit: number): Promise<IssuanceDocument[]> {
    const checks = await this.checks.find({ dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(limit).toArray();
    return this.unsettled(checks.map((check) => check._id), (issuance) => issuance.nextCheckAt !== undefined && issuance.nextCheckAt.getTime() <= now.getTime());
  }

  /** Unsettled issuances taken in before `before` (the stuck report), oldest first. */
  async unsettledSince(before: Date, limit: number): Promise<IssuanceDocument[]> {
    const checks = await this.checks.find({ createdAt: { $lt: before } }).sort({ createdAt: 1 }).limit(limit).toArray();
    return this.unsettled(checks.map((check) => check._id), () => true);
  }

  async countUnsettledSince(before: Date): Promise<number> {
    return this.checks.countDocuments({ createdAt: { $lt: before } });
  }

  private async unsettled(ids: string[], keep: (issuance: IssuanceDocument) => boolean): Promise<IssuanceDocument[]> {
    if (ids.length === 0) return [];
    const found = new Map((await this.issuances.find({ _id: { $in: ids } }).toArray()).map((issuance) => [issuance._id, issuance]));
    const settled = ids.filter((id) => !found.has(id) || isTerminalIssuance(found.get(id)!.status));
    if (settled.length > 0) await this.checks.deleteMany({ _id: { $in: settled } });
    return ids.flatMap((id) => {
      const issuance = found.get(id);
      return issuance && !isTerminalIssuance(issuance.status) && keep(issuance) ? [issuance] : [];
    });
  }
}
