import type { BlacklistEntry, BlacklistEntryEnding, BlacklistKeyHolder, BlacklistListFilter, BlacklistStore } from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError, type MongoOutboxStore } from '@supply-hub/mongo';
import type { Collection, Db, Filter } from 'mongodb';
import { CATALOG_COLLECTIONS } from './catalog-collections';

/** An entry as stored: `_id` is the entry id; its outbox (BlacklistChanged events) rides on it. */
export type BlacklistEntryDocument = Omit<BlacklistEntry, 'entryId'> & { _id: string };

/** One per active entry, `_id` = the entry's overlap key: the unique index that refuses a second one. */
interface BlacklistKeyDocument {
  _id: string;
  entryId: string;
  at: Date;
}

// The outbox fields stay out of what callers read.
const ENTRY_PROJECTION = { outbox: 0, outboxPending: 0, outboxVersion: 0 } as const;

/**
 * The blacklist on MongoDB / FerretDB. Both collections stay small (hundreds of entries, not the
 * catalog's 120,000 products), so the list, the start-up load and the expiry sweep may scan them on
 * FerretDB, which serves only `_id` lookups from an index; MongoDB gets indexes for them.
 */
export class MongoBlacklistStore implements BlacklistStore {
  readonly entries: Collection<BlacklistEntryDocument>;
  private readonly keys: Collection<BlacklistKeyDocument>;

  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
  ) {
    this.entries = db.collection<BlacklistEntryDocument>(CATALOG_COLLECTIONS.blacklist);
    this.keys = db.collection<BlacklistKeyDocument>(CATALOG_COLLECTIONS.blacklistKeys);
  }

  async ensureIndexes(): Promise<void> {
    await this.entries.createIndex({ createdAt: -1 });
    await this.entries.createIndex({ state: 1, expiresAt: 1 });
  }

  async claimKey(key: string, entryId: string, at: Date): Promise<{ claimed: true } | { claimed: false; holder: BlacklistKeyHolder }> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.keys.insertOne({ _id: key, entryId, at });
        return { claimed: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const holder = await this.keys.findOne({ _id: key });
        if (holder) return { claimed: false, holder: { entryId: holder.entryId, since: holder.at } };
        // Released between the insert and the read: claim again (a few times; then it is somebody's).
        if (attempt >= 3) throw error;
      }
    }
  }

  async takeOverKey(key: string, from: string, to: string, at: Date): Promise<boolean> {
    const result = await this.keys.updateOne({ _id: key, entryId: from }, { $set: { entryId: to, at } });
    return result.matchedCount === 1;
  }

  async releaseKey(key: string, entryId: string): Promise<void> {
    await this.keys.deleteOne({ _id: key, entryId });
  }

  async insert(entry: BlacklistEntry, events: readonly SerializedEvent[]): Promise<void> {
    const { entryId, ...rest } = entry;
    await this.outbox.insertOne(CATALOG_COLLECTIONS.blacklist, { _id: entryId, ...rest }, events);
  }

  async end(entryId: string, ending: BlacklistEntryEnding, events: readonly SerializedEvent[]): Promise<boolean> {
    return this.outbox.updateOne(CATALOG_COLLECTIONS.blacklist, { _id: entryId, state: 'active' }, { $set: { ...ending } }, events);
  }

  async get(entryId: string): Promise<BlacklistEntry | null> {
    const document = await this.entries.findOne({ _id: entryId }, { projection: ENTRY_PROJECTION });
    return document ? fromDocument(document) : null;
  }

  async list(filter: BlacklistListFilter, limit: number): Promise<BlacklistEntry[]> {
    const conditions: Filter<BlacklistEntryDocument>[] = [];
    if (filter.kind) conditions.push({ 'target.kind': filter.kind });
    if (filter.active === true) conditions.push({ state: 'active', $or: [{ expiresAt: { $exists: false } }, { expiresAt: { $gt: filter.now } }] });
    if (filter.active === false) conditions.push({ $or: [{ state: { $ne: 'active' } }, { expiresAt: { $lte: filter.now } }] });
    if (filter.before) {
      const { createdAt, entryId } = filter.before;
      conditions.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: entryId } }] });
    }
    const query = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : { $and: conditions };
    const documents = await this.entries.find(query, { projection: ENTRY_PROJECTION }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray();
    return documents.map(fromDocument);
  }

  async activeEntries(): Promise<BlacklistEntry[]> {
    return (await this.entries.find({ state: 'active' }, { projection: ENTRY_PROJECTION }).toArray()).map(fromDocument);
  }

  async dueForExpiry(now: Date, limit: number): Promise<BlacklistEntry[]> {
    const documents = await this.entries
      .find({ state: 'active', expiresAt: { $lte: now } }, { projection: ENTRY_PROJECTION })
      .sort({ expiresAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return documents.map(fromDocument);
  }
}

function fromDocument({ _id, ...rest }: BlacklistEntryDocument): BlacklistEntry {
  return { entryId: _id, ...rest };
}
