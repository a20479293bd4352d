import type { Db, Filter, ObjectId } from 'mongodb';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_VERSION_FIELD, type OutboxEntry } from './outbox-fields';

/** The `_id` kinds our aggregates use: generated ObjectIds or natural keys. */
export type OutboxDocumentId = ObjectId | string | number;

/** Which document a pending outbox came from, and its entries and version as read. */
export interface MongoOutboxRef {
  collection: string;
  id: OutboxDocumentId;
  version: number;
  entries: OutboxEntry[];
}

export interface MongoPendingOutbox {
  ref: MongoOutboxRef;
  entries: OutboxEntry[];
}

// The services' aggregates, seen through the only fields that matter here.
interface OutboxDocument {
  _id: OutboxDocumentId;
  outbox?: OutboxEntry[];
  outboxVersion?: number;
}

/** How often removal re-reads a document that writers keep changing before it gives up for this pass. */
const MAX_GUARD_ATTEMPTS = 5;

/**
 * The OutboxStore (of @supply-hub/kafka) over the collections whose documents carry an outbox.
 *
 * Removal is a compare-and-set on `outboxVersion`: the document's new `outbox` is the entries read at
 * that version minus the published ones, written only if the version is unchanged; otherwise the
 * document is read again and the removal recomputed. It uses only `find`, `$set` and `$inc`, which
 * MongoDB and FerretDB 1.24 both implement (FerretDB 1.24 ignores `$pull` with a condition).
 */
export class MongoOutboxStore {
  constructor(
    private readonly db: Db,
    private readonly collections: readonly string[],
  ) {}

  /** The relay's query runs every interval: it must be backed by an index. */
  async ensureIndexes(): Promise<void> {
    for (const name of this.collections) {
      await this.db.collection(name).createIndex({ [OUTBOX_PENDING_FIELD]: 1 }, { name: 'outbox_pending' });
    }
  }

  async findPending(limit: number): Promise<MongoPendingOutbox[]> {
    const pending: MongoPendingOutbox[] = [];
    for (const name of this.collections) {
      if (pending.length >= limit) break;
      const documents = await this.db
        .collection<OutboxDocument>(name)
        .find({ [OUTBOX_PENDING_FIELD]: true }, { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_VERSION_FIELD]: 1 }, limit: limit - pending.length })
        .toArray();
      for (const document of documents) {
        const ref = refOf(name, document);
        pending.push({ ref, entries: ref.entries });
      }
    }
    return pending;
  }

  async removePublished(ref: MongoOutboxRef, eventIds: readonly string[]): Promise<void> {
    const published = new Set(eventIds);
    const collection = this.db.collection<OutboxDocument>(ref.collection);
    let current: MongoOutboxRef = ref;
    for (let attempt = 1; attempt <= MAX_GUARD_ATTEMPTS; attempt++) {
      const remaining = current.entries.filter((entry) => !published.has(entry.eventId));
      const result = await collection.updateOne(versionGuard(current), {
        $set: { [OUTBOX_FIELD]: remaining, [OUTBOX_PENDING_FIELD]: remaining.length > 0 },
        $inc: { [OUTBOX_VERSION_FIELD]: 1 },
      });
      if (result.matchedCount === 1) return;
      const document = await collection.findOne({ _id: ref.id }, { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_VERSION_FIELD]: 1 } });
      if (document === null) return; // deleted meanwhile: nothing left to remove
      current = refOf(ref.collection, document);
    }
    throw new Error(`outbox of ${ref.collection}/${String(ref.id)} kept changing; published entries stay until the next pass`);
  }
}

function refOf(collection: string, document: OutboxDocument): MongoOutboxRef {
  return { collection, id: document._id, version: document.outboxVersion ?? 0, entries: document.outbox ?? [] };
}

// A document written without the helpers has no version yet; it counts as version 0.
function versionGuard(ref: MongoOutboxRef): Filter<OutboxDocument> {
  return { _id: ref.id, [OUTBOX_VERSION_FIELD]: ref.version === 0 ? { $exists: false } : ref.version };
}
