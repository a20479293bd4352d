import type { SelectionPool, SelectionPoolDefinition, SelectionPoolStore } from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError, type MongoOutboxStore } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/** A pool as stored: `_id` is the mall (tenant) id. */
export type SelectionPoolDocument = Omit<SelectionPool, 'mallId'> & { _id: string };

// The outbox fields stay out of what callers read.
const POOL_PROJECTION = { outbox: 0, outboxPending: 0, outboxVersion: 0 } as const;

const MAX_SAVE_ATTEMPTS = 5;

/**
 * Selection pools on MongoDB / FerretDB: one small document per mall, read by `_id`, and read whole by
 * every catalog instance every few seconds (a few hundred malls at most, so a scan is cheap). Each save
 * carries its SelectionPoolChanged event in the pool document's outbox.
 */
export class MongoSelectionPoolStore implements SelectionPoolStore {
  readonly pools: Collection<SelectionPoolDocument>;

  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
  ) {
    this.pools = db.collection<SelectionPoolDocument>(CATALOG_COLLECTIONS.selectionPools);
  }

  async get(mallId: string): Promise<SelectionPool | null> {
    const document = await this.pools.findOne({ _id: mallId }, { projection: POOL_PROJECTION });
    return document ? fromDocument(document) : null;
  }

  async all(): Promise<SelectionPool[]> {
    return (await this.pools.find({}, { projection: POOL_PROJECTION }).toArray()).map(fromDocument);
  }

  async save(
    mallId: string,
    definition: SelectionPoolDefinition,
    by: string,
    at: Date,
    eventsOf: (after: SelectionPool) => readonly SerializedEvent[],
  ): Promise<{ before: SelectionPool | null; after: SelectionPool }> {
    // The event names the version it announces, so the version is read first and the write made only
    // if it is still the one read (a compare-and-set; no transactions on FerretDB): the pool and its
    // event are one single-document write. Another writer in between: read again and retry.
    for (let attempt = 1; ; attempt++) {
      const before = await this.get(mallId);
      const after: SelectionPool = { mallId, ...definition, updatedBy: by, updatedAt: at, version: (before?.version ?? 0) + 1 };
      const fields = { template: after.template, filters: after.filters, includes: after.includes, excludes: after.excludes, updatedBy: by, updatedAt: at, version: after.version };
      const written = before
        ? await this.outbox.updateOne(CATALOG_COLLECTIONS.selectionPools, { _id: mallId, version: before.version }, { $set: fields }, eventsOf(after))
        : await this.outbox.insertOne(CATALOG_COLLECTIONS.selectionPools, { _id: mallId, ...fields }, eventsOf(after)).then(
            () => true,
            (error: unknown) => {
              if (isDuplicateKeyError(error)) return false;
              throw error;
            },
          );
      if (written) return { before, after };
      if (attempt >= MAX_SAVE_ATTEMPTS) throw new Error(`the selection pool of ${mallId} kept changing under this save; try again`);
    }
  }
}

function fromDocument(document: SelectionPoolDocument): SelectionPool {
  const { _id, ...pool } = document;
  return { mallId: _id, ...pool };
}
