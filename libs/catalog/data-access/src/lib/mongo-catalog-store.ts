import { gunzipSync, gzipSync } from 'node:zlib';
import type {
  CatalogStore,
  EventBatch,
  InsertOutcome,
  PageSnapshotEntry,
  ProductReplacement,
  QuarantinedRecord,
  StoredOffer,
  StoredProduct,
} from '@supply-hub/catalog-domain';
import type { CanonicalOffer, ProductState } from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import type { FieldIssue } from '@supply-hub/errors';
import { insertReportingExisting } from '@supply-hub/mongo';
import { type AnyBulkWriteOperation, Binary, type Collection, type Db } from 'mongodb';
import { chunks, findByIds, replaceAllById } from './bulk';
import { CATALOG_COLLECTIONS, offersCollectionOf } from './catalog-collections';
import { WriteGate } from './write-gate';

export interface OfferDocument {
  _id: string;
  offer: CanonicalOffer;
  contentHash: string;
  skuId: string;
  lastPageKey: string;
  updatedAt: Date;
}

export interface ProductDocument {
  _id: string;
  state: ProductState;
  version: number;
  contentHash: string;
  lastPageKey: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuarantineDocument {
  _id: string;
  sourceId: string;
  externalId: string;
  jobId: string;
  reasons: FieldIssue[];
  payloadJson: string;
  at: Date;
}

/** A page's events, gzipped JSON: a page of 100 products' events is ~80 kB as JSON, ~10 kB gzipped. */
export interface EventBatchDocument {
  _id: string;
  sourceId: string;
  count: number;
  events: Binary;
  createdAt: Date;
}

interface SnapshotDocument {
  _id: string;
  /** Parallel arrays, not an object keyed by external id: ids may hold `.` or `$`, and FerretDB wants no nested arrays. */
  ids: string[];
  stocks: number[];
  /** '' where a record has no fingerprint (stock poll entries). */
  prints: string[];
}

export const toProductDocument = (product: StoredProduct): ProductDocument => ({ _id: product.state.skuId, ...product });
export const fromProductDocument = ({ _id: _omitted, ...product }: ProductDocument): StoredProduct => product;

/** CatalogStore on MongoDB / FerretDB: every operation a batch by `_id` (docs/storage.md). */
export class MongoCatalogStore implements CatalogStore {
  private readonly offerCollections = new Map<string, Collection<OfferDocument>>();
  readonly products: Collection<ProductDocument>;
  readonly quarantined: Collection<QuarantineDocument>;
  readonly eventBatches: Collection<EventBatchDocument>;
  private readonly snapshots: Collection<SnapshotDocument>;

  private readonly gate: WriteGate;
  /** Told about every event batch once it is saved (the relay publishes it from memory). */
  onEventBatchSaved: ((batch: EventBatch) => void) | undefined;

  constructor(
    private readonly db: Db,
    options: { concurrentWrites?: number } = {},
  ) {
    this.gate = new WriteGate(options.concurrentWrites ?? 1);
    this.products = db.collection<ProductDocument>(CATALOG_COLLECTIONS.products);
    this.quarantined = db.collection<QuarantineDocument>(CATALOG_COLLECTIONS.quarantine);
    this.eventBatches = db.collection<EventBatchDocument>(CATALOG_COLLECTIONS.eventBatches);
    this.snapshots = db.collection<SnapshotDocument>(CATALOG_COLLECTIONS.stockSnapshots);
  }

  /** Indexes for MongoDB's sake (FerretDB uses only `_id`); idempotent, one per command (see model-definition.ts). */
  async ensureIndexes(): Promise<void> {
    await this.quarantined.createIndex({ sourceId: 1, at: -1 });
    await this.eventBatches.createIndex({ createdAt: 1 });
  }

  offersOf(sourceId: string): Collection<OfferDocument> {
    let collection = this.offerCollections.get(sourceId);
    if (!collection) this.offerCollections.set(sourceId, (collection = this.db.collection<OfferDocument>(offersCollectionOf(sourceId))));
    return collection;
  }

  async insertOffers(sourceId: string, offers: StoredOffer[]): Promise<InsertOutcome> {
    if (offers.length === 0) return { existing: [] };
    return { existing: await this.gate.run(() => insertReportingExisting(this.offersOf(sourceId), offers.map(toOfferDocument))) };
  }

  async readOffers(sourceId: string, offerIds: readonly string[]): Promise<Map<string, StoredOffer>> {
    const documents = await findByIds(this.offersOf(sourceId), offerIds);
    return new Map(documents.map((document) => [document._id, fromOfferDocument(document)]));
  }

  async writeOffers(sourceId: string, offers: StoredOffer[]): Promise<void> {
    await this.gate.run(() => replaceAllById(this.offersOf(sourceId), offers.map(toOfferDocument)));
  }

  async insertProducts(products: StoredProduct[]): Promise<InsertOutcome> {
    if (products.length === 0) return { existing: [] };
    return { existing: await this.gate.run(() => insertReportingExisting(this.products, products.map(toProductDocument))) };
  }

  async readProducts(skuIds: readonly string[]): Promise<Map<string, StoredProduct>> {
    const documents = await findByIds(this.products, skuIds);
    return new Map(documents.map((document) => [document._id, fromProductDocument(document)]));
  }

  async replaceProduct(product: StoredProduct, expectedVersion: number): Promise<boolean> {
    return (await this.replaceProducts([{ product, expectedVersion }])).length === 0;
  }

  /**
   * One unordered bulk of version-guarded replaces (a command per product costs FerretDB far more than the
   * statements inside one). The bulk reports only how many matched, so when some did not, the products
   * are read back: one holding exactly what this call wrote (version, page key and content hash) was
   * replaced, any other lost to a concurrent writer.
   */
  async replaceProducts(replacements: readonly ProductReplacement[]): Promise<string[]> {
    const lost: string[] = [];
    for (const batch of chunks(replacements)) {
      const operations = batch.map(({ product, expectedVersion }) => ({
        replaceOne: { filter: { _id: product.state.skuId, version: expectedVersion }, replacement: toProductDocument(product) },
      })) as AnyBulkWriteOperation<ProductDocument>[];
      const result = await this.gate.run(() => this.products.bulkWrite(operations, { ordered: false }));
      if (result.matchedCount === batch.length) continue;
      const now = await this.readProducts(batch.map(({ product }) => product.state.skuId));
      for (const { product } of batch) {
        const stored = now.get(product.state.skuId);
        const ours = stored?.version === product.version && stored.lastPageKey === product.lastPageKey && stored.contentHash === product.contentHash;
        if (!ours) lost.push(product.state.skuId);
      }
    }
    return lost;
  }

  async quarantine(records: QuarantinedRecord[]): Promise<void> {
    await replaceAllById(
      this.quarantined,
      records.map((record) => ({ _id: `${record.sourceId}:${record.externalId}`, ...record })),
    );
  }

  async release(sourceId: string, externalIds: readonly string[]): Promise<void> {
    if (externalIds.length === 0) return;
    await this.quarantined.deleteMany({ _id: { $in: externalIds.map((id) => `${sourceId}:${id}`) } });
  }

  async saveEventBatch(batch: EventBatch): Promise<void> {
    await this.eventBatches.insertOne({
      _id: batch.id,
      sourceId: batch.sourceId,
      count: batch.events.length,
      events: new Binary(gzipSync(JSON.stringify(batch.events))),
      createdAt: batch.createdAt,
    });
    this.onEventBatchSaved?.(batch);
  }

  async readSnapshot(sourceId: string, snapshotKey: string): Promise<Map<string, PageSnapshotEntry> | undefined> {
    const document = await this.snapshots.findOne({ _id: `${sourceId}:${snapshotKey}` });
    if (!document) return undefined;
    return new Map(document.ids.map((id, i) => [id, { stock: document.stocks[i]!, ...(document.prints?.[i] ? { print: document.prints[i] } : {}) }]));
  }

  async writeSnapshot(sourceId: string, snapshotKey: string, entries: ReadonlyMap<string, PageSnapshotEntry>): Promise<void> {
    const _id = `${sourceId}:${snapshotKey}`;
    const values = [...entries.values()];
    await this.snapshots.replaceOne(
      { _id },
      { ids: [...entries.keys()], stocks: values.map((entry) => entry.stock), prints: values.map((entry) => entry.print ?? '') },
      { upsert: true },
    );
  }

  async *offerIdsOf(sourceId: string): AsyncIterable<string> {
    for await (const document of this.offersOf(sourceId).find({}, { projection: { _id: 1 }, batchSize: 2_000 })) yield document._id;
  }
}

export function eventsOf(batch: EventBatchDocument): SerializedEvent[] {
  return JSON.parse(gunzipSync(batch.events.buffer).toString('utf8')) as SerializedEvent[];
}

const toOfferDocument = (offer: StoredOffer): OfferDocument => ({ _id: offer.offer.offerId, ...offer });
const fromOfferDocument = ({ _id: _omitted, ...offer }: OfferDocument): StoredOffer => offer;

/** The relay's view of the saved batches (a small collection: batches are removed once published). */
export class MongoEventBatchQueue {
  constructor(private readonly store: MongoCatalogStore) {}

  async oldest(limit: number): Promise<{ id: string; events: SerializedEvent[] }[]> {
    const documents = await this.store.eventBatches.find({}).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray();
    return documents.map((document) => ({ id: document._id, events: eventsOf(document) }));
  }

  async remove(id: string): Promise<void> {
    await this.store.eventBatches.deleteOne({ _id: id });
  }
}
