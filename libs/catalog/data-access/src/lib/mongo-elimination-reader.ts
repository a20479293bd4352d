import { type BlacklistCreation, type Removal, REMOVING_ACTIONS } from '@supply-hub/catalog-domain';
import type { Db } from 'mongodb';
import type { BlacklistEntryDocument } from './mongo-blacklist-store';
import type { ProductDocument } from './mongo-catalog-store';
import type { CurationActionDocument } from './mongo-curation-action-store';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/**
 * What the elimination report reads: finished curation actions that took SKUs out, blacklist entries
 * created, the catalog's size. Both lists are staff-sized (served by the `state, at` and `createdAt`
 * indexes on MongoDB, scanned on FerretDB); the catalog is counted from its metadata, never scanned.
 */
export class MongoEliminationReader {
  constructor(private readonly db: Db) {}

  /** Removals in [from, to): each finished action with the SKUs it applied to (refused and unknown ones left out). */
  async removals(from: Date, to: Date): Promise<Removal[]> {
    const actions = await this.db
      .collection<CurationActionDocument>(CATALOG_COLLECTIONS.curationActions)
      .find({ state: 'done', at: { $gte: from, $lt: to }, action: { $in: [...REMOVING_ACTIONS] } }, { projection: { action: 1, by: 1, reason: 1, at: 1, outcome: 1 } })
      .toArray();
    return actions
      .filter((action) => (action.outcome?.applied.length ?? 0) > 0)
      .map((action) => ({ action: action.action as Removal['action'], skuIds: action.outcome!.applied, by: action.by, reason: action.reason, at: action.at }));
  }

  /** Blacklist entries created in [from, to), whatever became of them since. */
  async blacklistCreated(from: Date, to: Date): Promise<BlacklistCreation[]> {
    const entries = await this.db
      .collection<BlacklistEntryDocument>(CATALOG_COLLECTIONS.blacklist)
      .find({ createdAt: { $gte: from, $lt: to } }, { projection: { target: 1, createdAt: 1 } })
      .toArray();
    return entries.map((entry) => ({ kind: entry.target.kind, value: entry.target.value, at: entry.createdAt }));
  }

  async catalogSkus(): Promise<number> {
    return this.db.collection<ProductDocument>(CATALOG_COLLECTIONS.products).estimatedDocumentCount();
  }
}
