import type { CanonicalOffer } from '../offer/canonical-offer';
import type { ProductState } from '../product/product-state';
import type { FieldIssue } from '@supply-hub/errors';
import type { SerializedEvent } from '@supply-hub/contracts';

/** An offer as stored: the canonical offer plus what the pipeline needs to detect change and recover. */
export interface StoredOffer {
  offer: CanonicalOffer;
  contentHash: string;
  /** The product (SKU) the offer belongs to. */
  skuId: string;
  /** `<jobId>:<page seq>` of the page that last wrote it: a resumed page recognises its own writes. */
  lastPageKey: string;
  updatedAt: Date;
}

/** A product as stored: its state, version (one per change, one event per version) and bookkeeping. */
export interface StoredProduct {
  state: ProductState;
  version: number;
  contentHash: string;
  lastPageKey: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuarantinedRecord {
  sourceId: string;
  /** The record's id, or `line-<n>` when a feed row has none. */
  externalId: string;
  jobId: string;
  reasons: FieldIssue[];
  /** The record as the adapter delivered it, serialised (keys of raw payloads may not be storable). */
  payloadJson: string;
  at: Date;
}

/** The events of one page, written in one document after the page's writes and relayed from there. */
export interface EventBatch {
  id: string;
  sourceId: string;
  events: SerializedEvent[];
  createdAt: Date;
}

/**
 * One record as a page last held it: its stock (what a stock poll compares) and the fingerprint of the
 * record as received and fully stored (a record received again with the same fingerprint needs no work).
 */
export interface PageSnapshotEntry {
  stock: number;
  print?: string;
}

export interface ProductReplacement {
  product: StoredProduct;
  expectedVersion: number;
}

export interface InsertOutcome {
  /** Ids that were already stored: nothing was written for them. */
  existing: string[];
}

/**
 * Storage for the catalog sync. Every method is a batch, by `_id` only (docs/storage.md): inserts that
 * report which ids existed, reads of a list of ids, writes guarded by version.
 */
export interface CatalogStore {
  insertOffers(sourceId: string, offers: StoredOffer[]): Promise<InsertOutcome>;
  readOffers(sourceId: string, offerIds: readonly string[]): Promise<Map<string, StoredOffer>>;
  writeOffers(sourceId: string, offers: StoredOffer[]): Promise<void>;

  insertProducts(products: StoredProduct[]): Promise<InsertOutcome>;
  readProducts(skuIds: readonly string[]): Promise<Map<string, StoredProduct>>;
  /** Replaces the product only if its stored version is `expectedVersion`; false when someone was first. */
  replaceProduct(product: StoredProduct, expectedVersion: number): Promise<boolean>;
  /**
   * replaceProduct for many products in one batch: each is replaced only if its stored version is its
   * `expectedVersion`. Returns the SKU ids where someone was first (nothing written for them).
   */
  replaceProducts(replacements: readonly ProductReplacement[]): Promise<string[]>;

  quarantine(records: QuarantinedRecord[]): Promise<void>;
  /** Takes records out of quarantine once they arrive valid. */
  release(sourceId: string, externalIds: readonly string[]): Promise<void>;

  saveEventBatch(batch: EventBatch): Promise<void>;

  /** What a page with a snapshotKey last held (external id → stock and record fingerprint), or undefined. */
  readSnapshot(sourceId: string, snapshotKey: string): Promise<Map<string, PageSnapshotEntry> | undefined>;
  writeSnapshot(sourceId: string, snapshotKey: string, entries: ReadonlyMap<string, PageSnapshotEntry>): Promise<void>;

  /** Streams every stored offer id of a source (end of a full sync: which offers were not seen). */
  offerIdsOf(sourceId: string): AsyncIterable<string>;
}
