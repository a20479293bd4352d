/**
 * The port between supplier adapters (@supply-hub/catalog-suppliers) and the sync pipeline: a source is
 * read as pages of raw records, each record still in its protocol's shape. Normalisation into the
 * canonical model happens in this domain lib (normalize-*.ts), never in adapters, so that every rule
 * about what a record means is unit-tested in one place.
 */

/** The protocol family a source speaks; decides which normaliser reads its records. */
export type SourceKind = 'jd' | 'taobao' | 'brand-feed';

export interface SourceRecord<P = unknown> {
  /** The configured source this came from: `jd`, `taobao`, `brand-midea`, ... */
  sourceId: string;
  kind: SourceKind;
  /** The supplier's own id for the SKU (JD sku, Taobao num_iid, the feed's SKU/barcode column). */
  externalId: string;
  /** The protocol-shaped record: JdOfferPayload, TaobaoOfferPayload or BrandFeedPayload. */
  payload: P;
}

export interface SourcePage<P = unknown> {
  records: SourceRecord<P>[];
  /**
   * Records the source says are gone (delisted, deleted from the feed, removed from the pool) by external
   * id. Full syncs leave this empty; stale offers are found by the pipeline at the end of a full sync.
   */
  removedExternalIds: string[];
  /**
   * Where to resume after this page: passing it back as `resumeFrom` continues with the next page, without
   * the records already returned. Opaque to the pipeline, stored as the sync's checkpoint. The last page of
   * a pull carries an end cursor (resuming from it yields nothing), which is also the `since` of the next
   * incremental pull: a pull is over when its iterator ends.
   */
  cursor: string | null;
  /**
   * Names the set of records this page covers, equal in full and incremental pulls (JD: a slice of a pool
   * page). Set by sources that poll state without change messages (JD stock), so the pipeline can keep a
   * snapshot per page and compare a poll with it in one read instead of one per record.
   */
  snapshotKey?: string;
  /** How many records the whole pull will yield, when the source says (for progress and ETA). */
  totalHint?: number;
}

export interface PullOptions {
  /** A cursor from an earlier page of the same kind of pull (full or incremental). */
  resumeFrom?: string | null;
  signal?: AbortSignal;
}

export interface SupplierSource<P = unknown> {
  readonly sourceId: string;
  readonly kind: SourceKind;
  /** Every record the supplier offers us, page by page. */
  fullSync(options?: PullOptions): AsyncIterable<SourcePage<P>>;
  /**
   * What changed since `since` (the `cursor` of the last page of an earlier full or incremental pull):
   * changed and new records, and removals. The last page's cursor is the next `since`.
   * Sources whose protocol has acknowledgements (JD's message/del) acknowledge a page's messages only
   * when the pipeline asks for the next page, so a crash re-delivers them (the pipeline is idempotent).
   */
  changesSince(since: string | null, options?: PullOptions): AsyncIterable<SourcePage<P>>;
}
