import type { SampleInspection } from '@supply-hub/catalog-domain';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/** What a failed inspection's suspension did: SKUs suspended, and those that could not be (already suspended, pending…). */
export interface InspectionOutcome {
  suspended: string[];
  notSuspended: { skuId: string; reason: string }[];
}

/**
 * A sample inspection as stored: written `open` before anything else it causes (suspension, score facts,
 * audit entry), and `done` with its outcome once all of that happened; an open one left by a dead process
 * is carried out again, each step being safe to repeat.
 */
export type InspectionDocument = Omit<SampleInspection, 'inspectionId'> & {
  _id: string;
  state: 'open' | 'done';
  outcome?: InspectionOutcome;
  /** The SKU ids, flat, for the list by SKU (`skus` holds objects). */
  skuIds: string[];
};

/**
 * Inspections on MongoDB / FerretDB. Staff record them by hand (thousands a year, not the catalog's
 * hundred thousand products), so the list by SKU and the recovery may scan on FerretDB, which serves
 * only `_id` lookups from an index; MongoDB gets indexes for them.
 */
export class MongoInspectionStore {
  readonly inspections: Collection<InspectionDocument>;

  constructor(db: Db) {
    this.inspections = db.collection<InspectionDocument>(CATALOG_COLLECTIONS.inspections);
  }

  async ensureIndexes(): Promise<void> {
    await this.inspections.createIndex({ skuIds: 1, at: -1 });
    await this.inspections.createIndex({ state: 1, at: 1 });
  }

  /** Records the inspection; the stored one when its id was taken before (a retried request). */
  async begin(inspection: SampleInspection): Promise<InspectionDocument> {
    const { inspectionId, ...fields } = inspection;
    const document: InspectionDocument = { _id: inspectionId, ...fields, skuIds: inspection.skus.map((sku) => sku.skuId), state: 'open' };
    try {
      await this.inspections.insertOne(document);
      return document;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.inspections.findOne({ _id: inspectionId });
      if (!existing) throw error;
      return existing;
    }
  }

  async finish(inspectionId: string, outcome: InspectionOutcome): Promise<void> {
    await this.inspections.updateOne({ _id: inspectionId }, { $set: { state: 'done', outcome } });
  }

  async get(inspectionId: string): Promise<InspectionDocument | null> {
    return this.inspections.findOne({ _id: inspectionId });
  }

  /** A SKU's inspections (or everyone's, without one), newest first. */
  async list(filter: { skuId?: string }, limit: number): Promise<InspectionDocument[]> {
    return this.inspections
      .find(filter.skuId ? { skuIds: filter.skuId } : {})
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .toArray();
  }

  /** Inspections still open that were recorded before `before` (their process may have died). */
  async unfinished(before: Date, limit: number): Promise<InspectionDocument[]> {
    return this.inspections.find({ state: 'open', at: { $lt: before } }).sort({ at: 1 }).limit(limit).toArray();
  }
}

export function inspectionOf(document: InspectionDocument): SampleInspection {
  const { _id, state: _state, outcome: _outcome, skuIds: _skuIds, ...fields } = document;
  return { inspectionId: _id, ...fields };
}
