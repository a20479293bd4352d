import type { SelectionPool, SelectionPoolDefinition, SelectionPoolStore } from '@supply-hub/catalog-domain';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/** A pool as stored: `_id` is the mall (tenant) id. */
export type SelectionPoolDocument = Omit<SelectionPool, 'mallId'> & { _id: string };

/**
 * Selection pools on MongoDB / FerretDB: one small document per mall, read by `_id`, and read whole by
 * every catalog instance every few seconds (a few hundred malls at most, so a scan is cheap).
 */
export class MongoSelectionPoolStore implements SelectionPoolStore {
  readonly pools: Collection<SelectionPoolDocument>;

  constructor(db: Db) {
    this.pools = db.collection<SelectionPoolDocument>(CATALOG_COLLECTIONS.selectionPools);
  }

  async get(mallId: string): Promise<SelectionPool | null> {
    const document = await this.pools.findOne({ _id: mallId });
    return document ? fromDocument(document) : null;
  }

  async all(): Promise<SelectionPool[]> {
    return (await this.pools.find({}).toArray()).map(fromDocument);
  }

  async save(mallId: string, definition: SelectionPoolDefinition, by: string, at: Date): Promise<{ before: SelectionPool | null; after: SelectionPool }> {
    // One conditional write: the pool it returns is the one this write replaced, even with two writers at once.
    const before = await this.pools.findOneAndUpdate(
      { _id: mallId },
      { $set: { template: definition.template, filters: definition.filters, includes: definition.includes, excludes: definition.excludes, updatedBy: by, updatedAt: at }, $inc: { version: 1 } },
      { upsert: true, returnDocument: 'before' },
    );
    const after: SelectionPool = { mallId, ...definition, updatedBy: by, updatedAt: at, version: (before?.version ?? 0) + 1 };
    return { before: before ? fromDocument(before) : null, after };
  }
}

function fromDocument(document: SelectionPoolDocument): SelectionPool {
  const { _id, ...pool } = document;
  return { mallId: _id, ...pool };
}
