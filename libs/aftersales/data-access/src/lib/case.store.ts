import type { AftersalesCase, CaseKind, CaseStatus, CaseTimelineEntry } from '@supply-hub/aftersales-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError, type MongoOutboxStore } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const CASES_COLLECTION = 'cases';
export const CASE_RESPONSES_DUE_COLLECTION = 'case_responses_due';

/** A case as stored: `_id` is the case id. */
export type CaseDocument = Omit<AftersalesCase, 'caseId'> & { _id: string; version: number };

/**
 * A case still waiting for its first response, by its promise. Kept apart from the cases (one small
 * document per unanswered case, deleted on the first response) so the escalation sweep reads a short
 * collection instead of scanning every case: FerretDB serves only `_id` lookups from an index.
 */
export interface CaseResponseDue {
  _id: string;
  respondBy: Date;
}

export interface CaseListFilter {
  status?: CaseStatus;
  kind?: CaseKind;
  orderId?: string;
  tenantId?: string;
  escalated?: boolean;
  before?: { openedAt: Date; caseId: string };
}

export class CaseStore {
  readonly cases: Collection<CaseDocument>;
  readonly responsesDue: Collection<CaseResponseDue>;

  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
  ) {
    this.cases = db.collection<CaseDocument>(CASES_COLLECTION);
    this.responsesDue = db.collection<CaseResponseDue>(CASE_RESPONSES_DUE_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // MongoDB's indexes for the mall's list and the staff queue; FerretDB serves them by scan.
    await this.cases.createIndex({ tenantId: 1, openedAt: -1 });
    await this.cases.createIndex({ status: 1, openedAt: 1 });
    await this.cases.createIndex({ 'returnParcel.warehouseId': 1, status: 1 });
    await this.responsesDue.createIndex({ respondBy: 1 });
  }

  /**
   * Stores a new case with its events; the existing one when the case id is already taken. The response
   * promise is written first: a crash between the two writes leaves a promise without a case, which the
   * sweep drops, never a case nobody watches.
   */
  async insert(document: CaseDocument, events: readonly SerializedEvent[]): Promise<{ created: boolean; document: CaseDocument }> {
    if (document.firstResponseAt === undefined) {
      await this.responsesDue.updateOne({ _id: document._id }, { $set: { respondBy: document.respondBy } }, { upsert: true });
    }
    try {
      await this.outbox.insertOne(CASES_COLLECTION, document, events);
      return { created: true, document };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.cases.findOne({ _id: document._id });
      if (!existing) throw error;
      return { created: false, document: existing };
    }
  }

  /** The tenant's case, or null (also when it belongs to another tenant). */
  async get(tenantId: string, caseId: string): Promise<CaseDocument | null> {
    return this.cases.findOne({ _id: caseId, tenantId });
  }

  async getAny(caseId: string): Promise<CaseDocument | null> {
    return this.cases.findOne({ _id: caseId });
  }

  /** Writes `changes` if the case is still at `version`, with its events: false when someone changed it first. */
  async update(
    caseId: string,
    version: number,
    changes: Partial<Omit<CaseDocument, '_id' | 'version' | 'tenantId' | 'timeline'>>,
    timeline: readonly CaseTimelineEntry[],
    events: readonly SerializedEvent[],
  ): Promise<boolean> {
    const written = await this.outbox.updateOne(
      CASES_COLLECTION,
      { _id: caseId, version },
      { $set: { ...changes }, $inc: { version: 1 }, ...(timeline.length > 0 ? { $push: { timeline: { $each: [...timeline] } } } : {}) },
      events,
    );
    if (written && changes.firstResponseAt !== undefined) await this.responsesDue.deleteOne({ _id: caseId });
    return written;
  }

  /** Cases whose first response is due before `at`, soonest first. */
  async responsesDueBefore(at: Date, limit: number): Promise<CaseResponseDue[]> {
    return this.responsesDue.find({ respondBy: { $lte: at } }).sort({ respondBy: 1 }).limit(limit).toArray();
  }

  async dropResponseDue(caseId: string): Promise<void> {
    await this.responsesDue.deleteOne({ _id: caseId });
  }

  /** Cases newest first (a mall's own when `tenantId` is given), by status, kind, order; after a cursor. */
  async list(filter: CaseListFilter, limit: number): Promise<CaseDocument[]> {
    const query: Record<string, unknown> = {};
    if (filter.tenantId !== undefined) query.tenantId = filter.tenantId;
    if (filter.status !== undefined) query.status = filter.status;
    if (filter.kind !== undefined) query.kind = filter.kind;
    if (filter.orderId !== undefined) query.orderId = filter.orderId;
    if (filter.escalated !== undefined) query.escalatedAt = filter.escalated ? { $exists: true } : { $exists: false };
    if (filter.before) {
      query.$or = [{ openedAt: { $lt: filter.before.openedAt } }, { openedAt: filter.before.openedAt, _id: { $lt: filter.before.caseId } }];
    }
    return this.cases.find(query).sort({ openedAt: -1, _id: -1 }).limit(limit).toArray();
  }

  /** Cases whose return parcel is labelled for `warehouseId`, in one of `statuses`, oldest first. */
  async returnsTo(warehouseId: string, statuses: readonly string[], limit: number): Promise<CaseDocument[]> {
    return this.cases
      .find({ 'returnParcel.warehouseId': warehouseId, status: { $in: [...statuses] } } as Record<string, unknown>)
      .sort({ openedAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** How many cases are in each status (the staff report and the metrics). */
  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.cases.aggregate<{ _id: string; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }]).toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.count]));
  }
}
