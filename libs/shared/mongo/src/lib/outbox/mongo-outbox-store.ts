import type { AnyBulkWriteOperation, Collection, Db, Document, Filter, ObjectId, UpdateFilter } from 'mongodb';
import type { SerializedEvent } from '@supply-hub/contracts';
import { isDuplicateKeyError } from '../errors/duplicate-key';
import { insertWithOutbox, type UpdateOperators, updateWithOutbox } from './outbox-writes';
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

/** Where the relay looks first: one small document per aggregate with (possibly) pending events. */
export const OUTBOX_POINTERS_COLLECTION = 'outbox_pointers';

interface OutboxPointer {
  _id: string;
  collection: string;
  documentId: OutboxDocumentId;
  at: Date;
}

export interface MongoOutboxStoreOptions {
  /** How often the relay also scans the outbox collections themselves (a safety net; default 60 s). */
  fullScanIntervalMs?: number;
  /** A pointer to a document with nothing pending is kept this long for a writer still on its way (30 s). */
  pointerGraceMs?: number;
  now?: () => number;
}

const pointerIdOf = (collection: string, documentId: OutboxDocumentId) => `${collection}\u0000${String(documentId)}`;

/**
 * The OutboxStore (of @supply-hub/kafka) over the collections whose documents carry an outbox.
 *
 * Removal is a compare-and-set on `outboxVersion`: the document's new `outbox` is the entries read at
 * that version minus the published ones, written only if the version is unchanged; otherwise the
 * document is read again and the removal recomputed. It uses only `find`, `$set` and `$inc`, which
 * MongoDB and FerretDB 1.24 both implement (FerretDB 1.24 ignores `$pull` with a condition).
 */
export class MongoOutboxStore {
  private readonly pointers: Collection<OutboxPointer>;
  private lastFullScan: number | undefined;
  /** Called after a write that added events (the relay's poke: events leave now, not at its next interval). */
  onEventsWritten: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly collections: readonly string[],
    private readonly options: MongoOutboxStoreOptions = {},
  ) {
    this.pointers = db.collection<OutboxPointer>(OUTBOX_POINTERS_COLLECTION);
  }

  /**
   * Says "this document may have events to send", before the write that appends them. On FerretDB a
   * query on `outboxPending` scans the whole collection (docs/storage.md), so the relay reads these
   * pointers instead; written first, a pointer exists for every pending outbox whatever crashes when.
   */
  async markPending(collection: string, documentId: OutboxDocumentId, at: Date = new Date()): Promise<void> {
    try {
      await this.pointers.insertOne({ _id: pointerIdOf(collection, documentId), collection, documentId, at });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** `insertOne` of a new document with the events announcing it (pointer first). */
  async insertOne<D extends Document & { _id: OutboxDocumentId }>(collection: string, document: D, events: readonly SerializedEvent[]): Promise<void> {
    if (events.length > 0) await this.markPending(collection, document._id);
    await this.db.collection(collection).insertOne(insertWithOutbox(document, events) as Document);
    if (events.length > 0) this.onEventsWritten?.();
  }

  /** `updateOne` of the document `_id` names, with the events announcing the change (pointer first). */
  async updateOne(
    collection: string,
    filter: { _id: OutboxDocumentId } & Record<string, unknown>,
    update: UpdateOperators,
    events: readonly SerializedEvent[],
  ): Promise<boolean> {
    if (events.length > 0) await this.markPending(collection, filter._id);
    const result = await this.db.collection(collection).updateOne(filter as Filter<Document>, updateWithOutbox(update, events) as UpdateFilter<Document>);
    // And after: the pointer written first may be an older write's, which the relay deletes once it has
    // emptied that write's entries; if that happened between the two lines above, these entries would
    // have no pointer and wait for the next full scan (a minute). A pointer that exists already stays as is.
    if (events.length > 0 && result.matchedCount === 1) {
      await this.markPending(collection, filter._id);
      this.onEventsWritten?.();
    }
    return result.matchedCount === 1;
  }

  /** The safety-net scan's query, backed by an index on MongoDB. */
  async ensureIndexes(): Promise<void> {
    for (const name of this.collections) {
      await this.db.collection(name).createIndex({ [OUTBOX_PENDING_FIELD]: 1 }, { name: 'outbox_pending' });
    }
  }

  async findPending(limit: number): Promise<MongoPendingOutbox[]> {
    const now = (this.options.now ?? Date.now)();
    if (this.lastFullScan === undefined || now - this.lastFullScan >= (this.options.fullScanIntervalMs ?? 60_000)) {
      this.lastFullScan = now;
      const found = await this.scanCollections(limit);
      if (found.length > 0) return found;
    }
    const pointers = (
      await this.pointers
        .find({})
        .limit(limit * 2)
        .toArray()
    ).filter((pointer) => this.collections.includes(pointer.collection));
    const documents = await this.readOutboxes(pointers);
    const pending: MongoPendingOutbox[] = [];
    for (const pointer of pointers) {
      if (pending.length >= limit) break;
      const document = documents.get(pointer._id);
      if (document && (document.outbox?.length ?? 0) > 0) {
        const ref = refOf(pointer.collection, document);
        pending.push({ ref, entries: ref.entries });
      } else if (now - pointer.at.getTime() > (this.options.pointerGraceMs ?? 30_000)) {
        // Nothing pending and no writer on its way any more: relayed already, or the write never happened.
        await this.pointers.deleteOne({ _id: pointer._id, at: pointer.at });
      }
    }
    return pending;
  }

  /**
   * The outboxes the pointers name, by pointer id: one `$in` read per collection (FerretDB finds string and
   * ObjectId `_id`s of an `$in` by index; other kinds are read one by one).
   */
  private async readOutboxes(pointers: readonly OutboxPointer[]): Promise<Map<string, OutboxDocument>> {
    const found = new Map<string, OutboxDocument>();
    const projection = { [OUTBOX_FIELD]: 1, [OUTBOX_VERSION_FIELD]: 1 };
    for (const [collection, ids] of idsByCollection(pointers.map((pointer) => ({ collection: pointer.collection, id: pointer.documentId })))) {
      const inBatch = ids.filter((id) => typeof id !== 'number');
      const documents: OutboxDocument[] =
        inBatch.length > 0
          ? await this.db
              .collection<OutboxDocument>(collection)
              .find({ _id: { $in: inBatch } } as Filter<OutboxDocument>, { projection })
              .toArray()
          : [];
      for (const id of ids.filter((candidate) => typeof candidate === 'number')) {
        const document = await this.db.collection<OutboxDocument>(collection).findOne({ _id: id }, { projection });
        if (document) documents.push(document);
      }
      for (const document of documents) found.set(pointerIdOf(collection, document._id), document);
    }
    return found;
  }

  /** The safety net: documents with pending events whatever their pointers say (written without one, say). */
  private async scanCollections(limit: number): Promise<MongoPendingOutbox[]> {
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

  /**
   * One unordered bulk of version-guarded removals per collection. When fewer matched than were sent, the
   * documents are read back: one that still holds any of its published entries lost to a writer and is
   * done again the one-by-one way (re-read, recompute, retry); the others are done. The pointers of the
   * documents left with nothing pending are dropped together.
   */
  async removePublished(published: readonly { ref: MongoOutboxRef; eventIds: readonly string[] }[]): Promise<void> {
    for (const [collectionName, items] of groupBy(published, (item) => item.ref.collection)) {
      const collection = this.db.collection<OutboxDocument>(collectionName);
      const emptied: OutboxDocumentId[] = [];
      const operations = items.map(({ ref, eventIds }) => {
        const remaining = withoutPublished(ref.entries, eventIds);
        if (remaining.length === 0) emptied.push(ref.id);
        return { updateOne: { filter: versionGuard(ref), update: removalOf(remaining) } };
      });
      const result = await collection.bulkWrite(operations as AnyBulkWriteOperation<OutboxDocument>[], { ordered: false });
      if (result.matchedCount === items.length) {
        await this.dropPointers(collectionName, emptied);
        continue;
      }
      const now = await collection
        .find({ _id: { $in: items.map((item) => item.ref.id) } } as Filter<OutboxDocument>, { projection: { [OUTBOX_FIELD]: 1 } })
        .toArray();
      const byId = new Map(now.map((document) => [String(document._id), document]));
      const settled: OutboxDocumentId[] = [];
      for (const { ref, eventIds } of items) {
        const document = byId.get(String(ref.id));
        if (document === undefined) continue; // deleted meanwhile: nothing left to remove
        const ids = new Set(eventIds);
        if ((document.outbox ?? []).some((entry) => ids.has(entry.eventId))) await this.removeOne(ref, eventIds);
        else if ((document.outbox?.length ?? 0) === 0) settled.push(ref.id);
      }
      await this.dropPointers(collectionName, settled);
    }
  }

  /** The removal from one document, re-read and recomputed while writers keep changing it. */
  private async removeOne(ref: MongoOutboxRef, eventIds: readonly string[]): Promise<void> {
    const collection = this.db.collection<OutboxDocument>(ref.collection);
    let current: MongoOutboxRef = ref;
    for (let attempt = 1; attempt <= MAX_GUARD_ATTEMPTS; attempt++) {
      const document = await collection.findOne({ _id: ref.id }, { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_VERSION_FIELD]: 1 } });
      if (document === null) return; // deleted meanwhile: nothing left to remove
      current = refOf(ref.collection, document);
      const remaining = withoutPublished(current.entries, eventIds);
      const result = await collection.updateOne(versionGuard(current), removalOf(remaining));
      if (result.matchedCount === 1) {
        if (remaining.length === 0) await this.dropPointers(ref.collection, [ref.id]);
        return;
      }
    }
    throw new Error(`outbox of ${ref.collection}/${String(ref.id)} kept changing; published entries stay until the next pass`);
  }

  /**
   * Deletes the pointers of documents whose outboxes this relay just emptied. A writer may have appended
   * between that write and this delete, after its own pointer writes found the pointer still there: a
   * document found pending again gets its pointer back, so those entries are found on the next pass
   * rather than by the next full scan.
   */
  private async dropPointers(collection: string, documentIds: readonly OutboxDocumentId[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.pointers.deleteMany({ _id: { $in: documentIds.map((id) => pointerIdOf(collection, id)) } });
    const documents = await this.db
      .collection<OutboxDocument>(collection)
      .find({ _id: { $in: [...documentIds] } } as Filter<OutboxDocument>, { projection: { [OUTBOX_FIELD]: 1 } })
      .toArray();
    for (const document of documents) if ((document.outbox?.length ?? 0) > 0) await this.markPending(collection, document._id);
  }
}

function withoutPublished(entries: readonly OutboxEntry[], eventIds: readonly string[]): OutboxEntry[] {
  const published = new Set(eventIds);
  return entries.filter((entry) => !published.has(entry.eventId));
}

function removalOf(remaining: OutboxEntry[]): UpdateFilter<OutboxDocument> {
  return {
    $set: { [OUTBOX_FIELD]: remaining, [OUTBOX_PENDING_FIELD]: remaining.length > 0 },
    $inc: { [OUTBOX_VERSION_FIELD]: 1 },
  } as UpdateFilter<OutboxDocument>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return groups;
}

function idsByCollection(refs: readonly { collection: string; id: OutboxDocumentId }[]): Map<string, OutboxDocumentId[]> {
  return new Map([...groupBy(refs, (ref) => ref.collection)].map(([collection, group]) => [collection, group.map((ref) => ref.id)]));
}

function refOf(collection: string, document: OutboxDocument): MongoOutboxRef {
  return { collection, id: document._id, version: document.outboxVersion ?? 0, entries: document.outbox ?? [] };
}

// A document written without the helpers has no version yet; it counts as version 0.
function versionGuard(ref: MongoOutboxRef): Filter<OutboxDocument> {
  return { _id: ref.id, [OUTBOX_VERSION_FIELD]: ref.version === 0 ? { $exists: false } : ref.version };
}
