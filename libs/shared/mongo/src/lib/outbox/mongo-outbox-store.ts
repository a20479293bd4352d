import type { AnyBulkWriteOperation, Db, Document, Filter, ObjectId, UpdateFilter } from 'mongodb';
import type { SerializedEvent } from '@supply-hub/contracts';
import { insertWithOutbox, type UpdateOperators, updateWithOutbox } from './outbox-writes';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_VERSION_FIELD, type OutboxEntry, type OutboxFields } from './outbox-fields';
import { insertReportingExisting } from '../repository/insert-missing';

/** The `_id` kinds our aggregates use: generated ObjectIds or natural keys. */
export type OutboxDocumentId = ObjectId | string | number;

/** Which document a pending outbox came from, and its entries and version as read. */
export interface MongoOutboxRef {
  collection: string;
  id: OutboxDocumentId;
  version: number;
  entries: OutboxEntry[];
  /** The hand-over the relay found it by (see MongoOutboxStore): a later write's is not forgotten with it. */
  handover?: number;
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

/** Documents a process remembers as pending at most; past that, the periodic scan finds the rest. */
const MAX_HANDED_OVER = 100_000;

/** Hand-overs that keep the inserted outbox in memory at most (a backlog while Kafka is away is read instead). */
const MAX_SNAPSHOTS = 1_000;

export interface MongoOutboxStoreOptions {
  /**
   * How often the relay also scans the outbox collections themselves (default 60 s): how it finds what
   * another process wrote and could not relay (it crashed), and what this one wrote before it restarted.
   */
  fullScanIntervalMs?: number;
  now?: () => number;
}

const keyOf = (collection: string, documentId: OutboxDocumentId) => `${collection}\u0000${String(documentId)}`;

/** Which document: its collection and `_id`. */
interface DocumentRef {
  collection: string;
  id: OutboxDocumentId;
}

/** A document this process knows to have pending entries, with the number of the hand-over that named it last. */
interface HandedOver extends DocumentRef {
  handover: number;
  /**
   * The outbox as this process inserted it, so the relay need not read it back. If another writer changed
   * it since, the removal's version guard fails and the document is read then (its entries may go out
   * twice, which at-least-once allows).
   */
  inserted?: { version: number; entries: OutboxEntry[] };
}

/**
 * The OutboxStore (of @supply-hub/kafka) over the collections whose documents carry an outbox.
 *
 * Finding what is pending: a write with events hands its document over to this process's relay in
 * memory (no extra database write); the relay also scans the collections on its first pass and every
 * `fullScanIntervalMs`, which finds what a crashed process left (on FerretDB that query parses every
 * document of a collection, so it is not run every pass; see README.md).
 *
 * Removal is a compare-and-set on `outboxVersion`: the document's new `outbox` is the entries read at
 * that version minus the published ones, written only if the version is unchanged; otherwise the
 * document is read again and the removal recomputed. It uses only `find`, `$set` and `$inc`, which
 * MongoDB and FerretDB 1.24 both implement (FerretDB 1.24 ignores `$pull` with a condition).
 */
export class MongoOutboxStore {
  private lastFullScan: number | undefined;
  private readonly handedOver = new Map<string, HandedOver>();
  private handovers = 0;
  /** Called after a write that added events (the relay's poke: events leave now, not at its next interval). */
  onEventsWritten: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly collections: readonly string[],
    private readonly options: MongoOutboxStoreOptions = {},
  ) {}

  /** `insertOne` of a new document with the events announcing it. */
  async insertOne<D extends Document & { _id: OutboxDocumentId }>(collection: string, document: D, events: readonly SerializedEvent[]): Promise<void> {
    const written = insertWithOutbox(document, events);
    await this.db.collection(collection).insertOne(written as Document);
    if (events.length > 0) this.handOver(collection, document._id, written);
  }

  /**
   * New documents, each with the events announcing it, in one unordered insertMany: the `_id`s that were
   * taken already come back (those documents, and their events, are not written).
   */
  async insertMany<D extends Document & { _id: OutboxDocumentId }>(
    collection: string,
    entries: readonly { document: D; events: readonly SerializedEvent[] }[],
  ): Promise<OutboxDocumentId[]> {
    const written = entries.map((entry) => insertWithOutbox(entry.document, entry.events));
    const taken = await insertReportingExisting(this.db.collection(collection), written as Document[]);
    const refused = new Set(taken.map((id) => keyOf(collection, id as OutboxDocumentId)));
    let handed = false;
    for (const [index, { document, events }] of entries.entries()) {
      if (events.length === 0 || refused.has(keyOf(collection, document._id))) continue;
      this.remember(collection, document._id, true, written[index]);
      handed = true;
    }
    if (handed) this.onEventsWritten?.();
    return taken as OutboxDocumentId[];
  }

  /** `updateOne` of the document `_id` names, with the events announcing the change. */
  async updateOne(
    collection: string,
    filter: { _id: OutboxDocumentId } & Record<string, unknown>,
    update: UpdateOperators,
    events: readonly SerializedEvent[],
  ): Promise<boolean> {
    const result = await this.db.collection(collection).updateOne(filter as Filter<Document>, updateWithOutbox(update, events) as UpdateFilter<Document>);
    if (events.length > 0 && result.matchedCount === 1) this.handOver(collection, filter._id);
    return result.matchedCount === 1;
  }

  /** Tells this process's relay about a document with pending entries, and pokes it. */
  private handOver(collection: string, id: OutboxDocumentId, inserted?: OutboxFields): void {
    this.remember(collection, id, true, inserted);
    this.onEventsWritten?.();
  }

  /**
   * Remembers a document as pending under a new hand-over number. `again`: a write handed it over, so a
   * document already remembered is numbered anew (the relay must not forget it with an older number); a
   * document the scan found keeps its number. `inserted`: the outbox fields an insert wrote (see HandedOver).
   */
  private remember(collection: string, id: OutboxDocumentId, again: boolean, inserted?: OutboxFields): void {
    const key = keyOf(collection, id);
    const known = this.handedOver.has(key);
    if (known ? !again : this.handedOver.size >= MAX_HANDED_OVER) return;
    const snapshot = inserted && this.handedOver.size < MAX_SNAPSHOTS ? { version: inserted.outboxVersion, entries: inserted.outbox } : undefined;
    this.handedOver.set(key, { collection, id, handover: ++this.handovers, ...(snapshot ? { inserted: snapshot } : {}) });
  }

  /** The periodic scan's query, backed by an index on MongoDB. */
  async ensureIndexes(): Promise<void> {
    for (const name of this.collections) {
      await this.db.collection(name).createIndex({ [OUTBOX_PENDING_FIELD]: 1 }, { name: 'outbox_pending' });
    }
  }

  async findPending(limit: number): Promise<MongoPendingOutbox[]> {
    const now = (this.options.now ?? Date.now)();
    if (this.lastFullScan === undefined || now - this.lastFullScan >= (this.options.fullScanIntervalMs ?? 60_000)) {
      this.lastFullScan = now;
      // What the scan finds is remembered like this process's own writes, until it is seen empty.
      for (const found of await this.scanCollections(limit)) this.remember(found.collection, found.id, false);
    }
    // The oldest first, without copying the whole map: it can hold a long backlog while Kafka is away.
    const known: [string, HandedOver][] = [];
    for (const item of this.handedOver) {
      if (known.length >= limit) break;
      known.push(item);
    }
    const documents = await this.readOutboxes(known.filter(([, entry]) => !entry.inserted).map(([, entry]) => entry));
    const pending: MongoPendingOutbox[] = [];
    for (const [key, entry] of known) {
      const document = entry.inserted ? { _id: entry.id, outbox: entry.inserted.entries, outboxVersion: entry.inserted.version } : documents.get(key);
      if (document && (document.outbox?.length ?? 0) > 0) {
        const ref = { ...refOf(entry.collection, document), handover: entry.handover };
        pending.push({ ref, entries: ref.entries });
      } else {
        // Relayed already (by another process, say), or gone.
        this.forget(entry.collection, entry.id, entry.handover);
      }
    }
    return pending;
  }

  private forgetInserted(ref: MongoOutboxRef): void {
    const entry = this.handedOver.get(keyOf(ref.collection, ref.id));
    if (entry?.inserted && entry.handover === ref.handover) delete entry.inserted;
  }

  /** Forgets a document seen with nothing pending, unless a write handed it over again since that was seen. */
  private forget(collection: string, id: OutboxDocumentId, handover: number | undefined): void {
    const key = keyOf(collection, id);
    if (handover === undefined || this.handedOver.get(key)?.handover === handover) this.handedOver.delete(key);
  }

  /**
   * The outboxes of these documents, by key: one `$in` read per collection (FerretDB finds string and
   * ObjectId `_id`s of an `$in` by index; other kinds are read one by one).
   */
  private async readOutboxes(documents: readonly DocumentRef[]): Promise<Map<string, OutboxDocument>> {
    const found = new Map<string, OutboxDocument>();
    const projection = { [OUTBOX_FIELD]: 1, [OUTBOX_VERSION_FIELD]: 1 };
    for (const [collection, ids] of idsByCollection(documents)) {
      const inBatch = ids.filter((id) => typeof id !== 'number');
      const read: OutboxDocument[] =
        inBatch.length > 0
          ? await this.db
              .collection<OutboxDocument>(collection)
              .find({ _id: { $in: inBatch } } as Filter<OutboxDocument>, { projection })
              .toArray()
          : [];
      for (const id of ids.filter((candidate) => typeof candidate === 'number')) {
        const document = await this.db.collection<OutboxDocument>(collection).findOne({ _id: id }, { projection });
        if (document) read.push(document);
      }
      for (const document of read) found.set(keyOf(collection, document._id), document);
    }
    return found;
  }

  /** The periodic scan: which documents have pending entries, whoever wrote them (their outboxes are read with the rest). */
  private async scanCollections(limit: number): Promise<DocumentRef[]> {
    const found: DocumentRef[] = [];
    for (const collection of this.collections) {
      if (found.length >= limit) break;
      const documents = await this.db
        .collection<OutboxDocument>(collection)
        .find({ [OUTBOX_PENDING_FIELD]: true }, { projection: { _id: 1 }, limit: limit - found.length })
        .toArray();
      for (const document of documents) found.push({ collection, id: document._id });
    }
    return found;
  }

  /**
   * One unordered bulk of version-guarded removals per collection. When fewer matched than were sent, the
   * documents are read back: one that still holds any of its published entries lost to a writer and is
   * done again the one-by-one way (re-read, recompute, retry). A document left with nothing pending is
   * forgotten, unless a write handed it over again meanwhile.
   */
  async removePublished(published: readonly { ref: MongoOutboxRef; eventIds: readonly string[] }[]): Promise<void> {
    for (const [collectionName, items] of groupBy(published, (item) => item.ref.collection)) {
      const collection = this.db.collection<OutboxDocument>(collectionName);
      const remaining = items.map(({ ref, eventIds }) => withoutPublished(ref.entries, eventIds));
      const operations = items.map(({ ref }, index) => ({ updateOne: { filter: versionGuard(ref), update: removalOf(remaining[index]!) } }));
      const result = await collection.bulkWrite(operations as AnyBulkWriteOperation<OutboxDocument>[], { ordered: false });
      if (result.matchedCount === items.length) {
        items.forEach(({ ref }, index) => {
          if (remaining[index]!.length === 0) this.forget(ref.collection, ref.id, ref.handover);
        });
        continue;
      }
      // Some documents changed since they were read or inserted: the next pass reads them, whatever this
      // process remembered of their outbox.
      for (const { ref } of items) this.forgetInserted(ref);
      const now = await collection
        .find({ _id: { $in: items.map((item) => item.ref.id) } } as Filter<OutboxDocument>, { projection: { [OUTBOX_FIELD]: 1 } })
        .toArray();
      const byId = new Map(now.map((document) => [String(document._id), document]));
      for (const { ref, eventIds } of items) {
        const document = byId.get(String(ref.id));
        if (document === undefined) {
          this.forget(ref.collection, ref.id, ref.handover); // deleted meanwhile: nothing left to remove
          continue;
        }
        const ids = new Set(eventIds);
        if ((document.outbox ?? []).some((entry) => ids.has(entry.eventId))) await this.removeOne(ref, eventIds);
        else if ((document.outbox?.length ?? 0) === 0) this.forget(ref.collection, ref.id, ref.handover);
      }
    }
  }

  /** The removal from one document, re-read and recomputed while writers keep changing it. */
  private async removeOne(ref: MongoOutboxRef, eventIds: readonly string[]): Promise<void> {
    const collection = this.db.collection<OutboxDocument>(ref.collection);
    for (let attempt = 1; attempt <= MAX_GUARD_ATTEMPTS; attempt++) {
      const document = await collection.findOne({ _id: ref.id }, { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_VERSION_FIELD]: 1 } });
      if (document === null) return; // deleted meanwhile: nothing left to remove
      const current = refOf(ref.collection, document);
      const remaining = withoutPublished(current.entries, eventIds);
      const result = await collection.updateOne(versionGuard(current), removalOf(remaining));
      if (result.matchedCount === 1) {
        if (remaining.length === 0) this.forget(ref.collection, ref.id, ref.handover);
        return;
      }
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

function groupBy<T>(items: readonly T[], keyOfItem: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOfItem(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return groups;
}

function idsByCollection(documents: readonly DocumentRef[]): Map<string, OutboxDocumentId[]> {
  return new Map([...groupBy(documents, (document) => document.collection)].map(([collection, group]) => [collection, group.map((document) => document.id)]));
}
