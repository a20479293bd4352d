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

const copy = <T>(value: T): T => structuredClone(value);

/** CatalogStore in memory, with the same by-id semantics as the Mongo store, for unit tests. */
export class InMemoryCatalogStore implements CatalogStore {
  readonly offers = new Map<string, Map<string, StoredOffer>>();
  readonly products = new Map<string, StoredProduct>();
  readonly quarantined = new Map<string, QuarantinedRecord>();
  readonly batches: EventBatch[] = [];
  readonly snapshots = new Map<string, Map<string, PageSnapshotEntry>>();
  writes = 0;
  /** Makes the next write of this kind throw, to play a crash at that point. */
  failNext: 'insertProducts' | 'replaceProduct' | 'saveEventBatch' | undefined;

  private offersOf(sourceId: string): Map<string, StoredOffer> {
    let offers = this.offers.get(sourceId);
    if (!offers) this.offers.set(sourceId, (offers = new Map()));
    return offers;
  }

  private crashIf(kind: InMemoryCatalogStore['failNext']): void {
    if (this.failNext === kind) {
      this.failNext = undefined;
      throw new Error(`simulated crash in ${kind}`);
    }
  }

  async insertOffers(sourceId: string, offers: StoredOffer[]): Promise<InsertOutcome> {
    const existing: string[] = [];
    for (const offer of offers) {
      if (this.offersOf(sourceId).has(offer.offer.offerId)) existing.push(offer.offer.offerId);
      else {
        this.offersOf(sourceId).set(offer.offer.offerId, copy(offer));
        this.writes++;
      }
    }
    return { existing };
  }

  async readOffers(sourceId: string, offerIds: readonly string[]): Promise<Map<string, StoredOffer>> {
    const found = new Map<string, StoredOffer>();
    for (const id of offerIds) {
      const offer = this.offersOf(sourceId).get(id);
      if (offer) found.set(id, copy(offer));
    }
    return found;
  }

  async writeOffers(sourceId: string, offers: StoredOffer[]): Promise<void> {
    for (const offer of offers) this.offersOf(sourceId).set(offer.offer.offerId, copy(offer));
    this.writes += offers.length;
  }

  async insertProducts(products: StoredProduct[]): Promise<InsertOutcome> {
    this.crashIf('insertProducts');
    const existing: string[] = [];
    for (const product of products) {
      if (this.products.has(product.state.skuId)) existing.push(product.state.skuId);
      else {
        this.products.set(product.state.skuId, copy(product));
        this.writes++;
      }
    }
    return { existing };
  }

  async readProducts(skuIds: readonly string[]): Promise<Map<string, StoredProduct>> {
    const found = new Map<string, StoredProduct>();
    for (const id of skuIds) {
      const product = this.products.get(id);
      if (product) found.set(id, copy(product));
    }
    return found;
  }

  async replaceProduct(product: StoredProduct, expectedVersion: number): Promise<boolean> {
    return (await this.replaceProducts([{ product, expectedVersion }])).length === 0;
  }

  async replaceProducts(replacements: readonly ProductReplacement[]): Promise<string[]> {
    this.crashIf('replaceProduct');
    const lost: string[] = [];
    for (const { product, expectedVersion } of replacements) {
      if (this.products.get(product.state.skuId)?.version !== expectedVersion) lost.push(product.state.skuId);
      else {
        this.products.set(product.state.skuId, copy(product));
        this.writes++;
      }
    }
    return lost;
  }

  async quarantine(records: QuarantinedRecord[]): Promise<void> {
    for (const record of records) this.quarantined.set(`${record.sourceId}:${record.externalId}`, copy(record));
  }

  async release(sourceId: string, externalIds: readonly string[]): Promise<void> {
    for (const id of externalIds) this.quarantined.delete(`${sourceId}:${id}`);
  }

  async saveEventBatch(batch: EventBatch): Promise<void> {
    this.crashIf('saveEventBatch');
    this.batches.push(copy(batch));
  }

  async readSnapshot(sourceId: string, snapshotKey: string): Promise<Map<string, PageSnapshotEntry> | undefined> {
    const snapshot = this.snapshots.get(`${sourceId}:${snapshotKey}`);
    return snapshot ? new Map(snapshot) : undefined;
  }

  async writeSnapshot(sourceId: string, snapshotKey: string, entries: ReadonlyMap<string, PageSnapshotEntry>): Promise<void> {
    this.snapshots.set(`${sourceId}:${snapshotKey}`, new Map([...entries].map(([id, entry]) => [id, { ...entry }])));
  }

  async *offerIdsOf(sourceId: string): AsyncIterable<string> {
    yield* [...this.offersOf(sourceId).keys()];
  }

  /** Every event saved so far, in order. */
  events() {
    return this.batches.flatMap((batch) => batch.events);
  }
}
