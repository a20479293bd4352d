import type { CurationAction } from '@supply-hub/catalog-domain';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/** What a staff curation action did to its SKUs. */
export interface CurationOutcome {
  applied: string[];
  refused: { skuId: string; reason: string }[];
  unknown: string[];
}

/**
 * A staff curation action, written before any SKU is touched: a process that dies in the middle leaves it
 * `running`, and the next start (or any instance) carries it out again; each SKU it already wrote carries
 * its page key, so nothing is decided twice and its events are announced again under the same ids.
 */
export interface CurationActionDocument {
  _id: string;
  skuIds: string[];
  action: CurationAction;
  reason: string;
  by: string;
  at: Date;
  state: 'running' | 'done';
  outcome?: CurationOutcome;
}

export class MongoCurationActionStore {
  readonly actions: Collection<CurationActionDocument>;

  constructor(db: Db) {
    this.actions = db.collection<CurationActionDocument>(CATALOG_COLLECTIONS.curationActions);
  }

  async ensureIndexes(): Promise<void> {
    await this.actions.createIndex({ state: 1, at: 1 });
  }

  /** Records the action; the stored one when its id was taken before (a retried request). */
  async begin(action: Omit<CurationActionDocument, 'state' | 'outcome'>): Promise<CurationActionDocument> {
    try {
      const document: CurationActionDocument = { ...action, state: 'running' };
      await this.actions.insertOne(document);
      return document;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.actions.findOne({ _id: action._id });
      if (!existing) throw error;
      return existing;
    }
  }

  async get(actionId: string): Promise<CurationActionDocument | undefined> {
    return (await this.actions.findOne({ _id: actionId })) ?? undefined;
  }

  async finish(actionId: string, outcome: CurationOutcome): Promise<void> {
    await this.actions.updateOne({ _id: actionId }, { $set: { state: 'done', outcome } });
  }

  /** Actions still running that began before `before` (their process may have died). */
  async unfinished(before: Date, limit: number): Promise<CurationActionDocument[]> {
    return this.actions.find({ state: 'running', at: { $lt: before } }).sort({ at: 1 }).limit(limit).toArray();
  }
}
