import type { BlacklistEntryState } from '@supply-hub/blacklist';
import type { BlacklistChangedData, BlacklistTarget } from '@supply-hub/contracts';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { BlacklistCopyStore, BlacklistEntryCopy } from '@supply-hub/orders-domain';
import type { Collection, Db } from 'mongodb';

export const BLACKLIST_ENTRIES_COLLECTION = 'blacklist_entries';

/** One catalog blacklist entry as order-router keeps it; `_id` is the entry id. */
export interface BlacklistEntryCopyDocument {
  _id: string;
  target: BlacklistTarget;
  /** The entry's reason, told to malls whose orders it refuses. */
  reason: string;
  expiresAt?: Date;
  state: BlacklistEntryState;
  addedAt?: Date;
  endedAt?: Date;
  endReason?: string;
  updatedAt: Date;
}

/**
 * The blacklist entries order-router has heard of: a small collection (one document per entry), read
 * whole when an instance starts. Every write is an upsert by `_id` that only moves an entry forward
 * (added, then removed or expired), so redelivered or reordered events change nothing.
 */
export class MongoBlacklistCopyStore implements BlacklistCopyStore {
  readonly copies: Collection<BlacklistEntryCopyDocument>;

  constructor(db: Db) {
    this.copies = db.collection<BlacklistEntryCopyDocument>(BLACKLIST_ENTRIES_COLLECTION);
  }

  async record(change: BlacklistChangedData): Promise<void> {
    const now = new Date();
    const terms = { target: change.target, ...(change.expiresAt ? { expiresAt: new Date(change.expiresAt) } : {}) };
    const write =
      change.change === 'added'
        ? // Only ever inserts: an `added` seen after the entry's end leaves the end as it is.
          this.copies.updateOne(
            { _id: change.entryId },
            { $setOnInsert: { ...terms, reason: change.reason, state: 'active', addedAt: new Date(change.at), updatedAt: now } },
            { upsert: true },
          )
        : // The end wins over whatever came before; seen first, it keeps the terms it carries (its reason is the end's).
          this.copies.updateOne(
            { _id: change.entryId },
            {
              $set: { state: change.change, endedAt: new Date(change.at), endReason: change.reason, updatedAt: now },
              $setOnInsert: { ...terms, reason: change.reason },
            },
            { upsert: true },
          );
    try {
      await write;
    } catch (error) {
      // Two instances upserting the same new entry at once: one insert loses on `_id`; apply it again as an update.
      if (!isDuplicateKeyError(error)) throw error;
      await this.record(change);
    }
  }

  async activeCopies(): Promise<BlacklistEntryCopy[]> {
    return (await this.copies.find({ state: 'active' }).toArray()).map(copyOf);
  }

  async get(entryId: string): Promise<BlacklistEntryCopy | null> {
    const document = await this.copies.findOne({ _id: entryId });
    return document ? copyOf(document) : null;
  }
}

function copyOf(document: BlacklistEntryCopyDocument): BlacklistEntryCopy {
  return {
    terms: { entryId: document._id, target: document.target, reason: document.reason, ...(document.expiresAt ? { expiresAt: document.expiresAt } : {}) },
    state: document.state,
  };
}
