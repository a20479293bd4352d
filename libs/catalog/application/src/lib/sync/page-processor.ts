import {
  type BestOfferStrategy,
  type CatalogStore,
  hashOf,
  type PageSnapshotEntry,
  type QuarantinedRecord,
  type StoredOffer,
  type CanonicalOffer,
  matchKeyOf,
  normalizeRecord,
  offerContentHash,
  type PageCounts,
  type PricingPolicy,
  skuIdFor,
  type SourcePage,
  summaryOf,
  validateOffer,
} from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import type { FieldIssue } from '@supply-hub/errors';
import { type InitialCuration, type ProductEdit, ProductMerger } from './product-merger';

export interface SupplierProfile {
  qualityScore?: number;
  dispatchSlaHours?: number;
}

export interface PageContext {
  sourceId: string;
  jobId: string;
  /** The page's number within its job: with the job id, the page key products and offers remember. */
  seq: number;
  at: Date;
}

export type { PageCounts };

export interface PageOutcome {
  counts: PageCounts;
  events: SerializedEvent[];
  /** Offer ids of this page's valid records (for noticing, at the end of a full sync, what was not seen). */
  offerIds: string[];
}

export interface PageProcessorOptions {
  strategy: BestOfferStrategy;
  pricing: PricingPolicy;
  /** Called for every offer written: must answer from memory (SupplierQualityProfiles), never from the store. */
  supplierProfile?: (sourceId: string) => SupplierProfile | undefined;
  /** The curation rules' decision on new SKUs; without it new SKUs are approved. */
  initialCuration?: InitialCuration;
}

/**
 * One page through normalise → validate → match → upsert → announce. Every store call is a batch by id,
 * so a page costs a handful of round trips whatever its size.
 *
 * Crash safety without transactions: offers and products remember the page that wrote them
 * (`<job>:<seq>`). A job resumes at the first page whose checkpoint was not saved, and a resumed page
 * that meets its own earlier writes (same page key, nothing left to change) announces those product
 * versions again, under the same event ids, so a crash between the writes and the saved event batch
 * loses no event and duplicates nothing a consumer would apply.
 */
export class PageProcessor {
  private readonly merger: ProductMerger;

  constructor(
    private readonly store: CatalogStore,
    private readonly options: PageProcessorOptions,
  ) {
    this.merger = new ProductMerger(store, options.strategy, options.pricing, options.initialCuration);
  }

  async process(page: SourcePage, context: PageContext): Promise<PageOutcome> {
    const pageKey = `${context.jobId}:${context.seq}`;
    const counts: PageCounts = { seen: page.records.length, offersWritten: 0, unchanged: 0, quarantined: 0, productsWritten: 0, events: 0 };
    const snapshot = page.snapshotKey ? await this.store.readSnapshot(context.sourceId, page.snapshotKey) : undefined;
    const nextSnapshot = new Map<string, PageSnapshotEntry>();
    const offers = new Map<string, CanonicalOffer>();
    const skipped: string[] = [];
    const stockPolls = new Map<string, number>();
    const quarantined: QuarantinedRecord[] = [];

    for (const record of page.records) {
      const normalized = normalizeRecord(record);
      if (normalized.kind === 'malformed') {
        quarantined.push(this.quarantineEntry(record, [{ path: '(record)', message: normalized.reason }], context));
      } else if (normalized.kind === 'stock') {
        stockPolls.set(normalized.externalId, normalized.stock);
      } else {
        const print = page.snapshotKey ? fingerprintOf(record) : undefined;
        const before = snapshot?.get(record.externalId);
        if (print !== undefined && before?.print === print) {
          // Received exactly as it was last stored: nothing to validate, compare or write.
          counts.unchanged++;
          skipped.push(`${context.sourceId}:${record.externalId}`);
          nextSnapshot.set(record.externalId, before);
          continue;
        }
        const validation = validateOffer(normalized.draft);
        if (!validation.ok) {
          quarantined.push(this.quarantineEntry(record, validation.issues, context));
          continue;
        }
        offers.set(validation.offer.offerId, validation.offer);
        if (print !== undefined) nextSnapshot.set(record.externalId, { stock: validation.offer.stock, print });
      }
    }
    counts.quarantined = quarantined.length;

    const { changed: stockChanged, stored: polled } = await this.applyStockPolls(stockPolls, snapshot, nextSnapshot, context);
    for (const offer of stockChanged) offers.set(offer.offerId, offer);

    const events = await this.applyOffers(offers, pageKey, context, counts, polled);
    if (quarantined.length > 0) await this.store.quarantine(quarantined);
    const valid = [...offers.values()].filter((offer) => !stockChanged.includes(offer));
    if (valid.length > 0) {
      await this.store.release(
        context.sourceId,
        valid.map((offer) => offer.externalId),
      );
    }
    // Last: a fingerprint means "stored", so it is saved only once everything above is.
    if (page.snapshotKey && !sameSnapshot(snapshot, nextSnapshot)) await this.store.writeSnapshot(context.sourceId, page.snapshotKey, nextSnapshot);
    return { counts, events, offerIds: [...offers.keys(), ...skipped] };
  }

  /**
   * Delists offers the source no longer lists (removed from a pool, missing from a full sync): their
   * products move to their next best offer, or are delisted with them.
   */
  async delistOffers(offerIds: readonly string[], context: PageContext): Promise<PageOutcome> {
    const counts: PageCounts = { seen: 0, offersWritten: 0, unchanged: 0, quarantined: 0, productsWritten: 0, events: 0 };
    const stored = await this.store.readOffers(context.sourceId, offerIds);
    const offers = new Map<string, CanonicalOffer>();
    for (const { offer } of stored.values()) if (offer.status !== 'delisted') offers.set(offer.offerId, { ...offer, status: 'delisted' });
    const events = await this.applyOffers(offers, `${context.jobId}:${context.seq}`, context, counts, stored);
    return { counts, events, offerIds: [...offers.keys()] };
  }

  /**
   * Offers into the store, products merged, the page's events saved in one batch. `stored`: offers this
   * page has just read (only this source's one running sync writes its offers, so they are current).
   */
  private async applyOffers(
    offers: Map<string, CanonicalOffer>,
    pageKey: string,
    context: PageContext,
    counts: PageCounts,
    stored: ReadonlyMap<string, StoredOffer> = new Map(),
  ): Promise<SerializedEvent[]> {
    const edits = await this.writeOffers([...offers.values()], pageKey, context, counts, stored);
    const merged = await this.merger.apply(edits, { pageKey, at: context.at, details: offers });
    counts.productsWritten = merged.written;
    counts.events = merged.events.length;
    if (merged.events.length > 0) {
      await this.store.saveEventBatch({
        id: `${pageKey}:${process.pid}:${Date.now().toString(36)}`,
        sourceId: context.sourceId,
        events: merged.events,
        createdAt: context.at,
      });
    }
    return merged.events;
  }

  /**
   * A stock poll compared with what the page's snapshot holds (or, without one, with the stored offers):
   * only offers whose stock really moved come back, as whole offers with the new stock. A moved stock
   * drops the record's fingerprint, since the stored offer no longer matches the record last received.
   */
  private async applyStockPolls(
    polls: Map<string, number>,
    snapshot: Map<string, PageSnapshotEntry> | undefined,
    nextSnapshot: Map<string, PageSnapshotEntry>,
    context: PageContext,
  ): Promise<{ changed: CanonicalOffer[]; stored: Map<string, StoredOffer> }> {
    const none = { changed: [], stored: new Map<string, StoredOffer>() };
    if (polls.size === 0) return none;
    const moved: [string, number][] = [];
    for (const [externalId, stock] of polls) {
      const before = snapshot?.get(externalId);
      if (before?.stock === stock) nextSnapshot.set(externalId, before);
      else {
        moved.push([externalId, stock]);
        nextSnapshot.set(externalId, { stock });
      }
    }
    if (moved.length === 0) return none;
    const stored = await this.store.readOffers(
      context.sourceId,
      moved.map(([externalId]) => `${context.sourceId}:${externalId}`),
    );
    const changed: CanonicalOffer[] = [];
    for (const [externalId, stock] of moved) {
      const current = stored.get(`${context.sourceId}:${externalId}`);
      if (current && current.offer.stock !== stock) changed.push({ ...current.offer, stock });
    }
    return { changed, stored };
  }

  /**
   * Inserts new offers, rewrites changed ones, and says what each change means for its product. Offers in
   * `stored` are known to exist: no insert is tried for them (on FerretDB a batch with a duplicate is
   * redone row by row) and they are not read again.
   */
  private async writeOffers(
    offers: CanonicalOffer[],
    pageKey: string,
    context: PageContext,
    counts: PageCounts,
    stored: ReadonlyMap<string, StoredOffer>,
  ): Promise<ProductEdit[]> {
    if (offers.length === 0) return [];
    const candidates = offers.map((offer) => this.storedOffer(offer, pageKey, context.at));
    const { existing } = await this.store.insertOffers(
      context.sourceId,
      candidates.filter((candidate) => !stored.has(candidate.offer.offerId)),
    );
    const previous = existing.length > 0 ? await this.store.readOffers(context.sourceId, existing) : new Map<string, StoredOffer>();
    const existingIds = new Set(existing);
    for (const candidate of candidates) {
      const known = stored.get(candidate.offer.offerId);
      if (!known) continue;
      existingIds.add(candidate.offer.offerId);
      previous.set(candidate.offer.offerId, known);
    }

    const edits = new Map<string, ProductEdit>();
    const edit = (skuId: string, matchKey: string): ProductEdit => {
      let entry = edits.get(skuId);
      if (!entry) edits.set(skuId, (entry = { skuId, matchKey, upserts: [], removedOfferIds: [], reannounce: false }));
      return entry;
    };
    const rewrites: StoredOffer[] = [];

    for (const candidate of candidates) {
      const { offer } = candidate;
      const before = existingIds.has(offer.offerId) ? previous.get(offer.offerId) : undefined;
      const summary = summaryOf(offer, this.options.supplierProfile?.(offer.sourceId));
      const target = edit(candidate.skuId, matchKeyOf(offer));
      if (!existingIds.has(offer.offerId)) {
        counts.offersWritten++;
        target.upserts.push(summary);
        continue;
      }
      if (before && before.contentHash === candidate.contentHash && before.skuId === candidate.skuId) {
        counts.unchanged++;
        if (before.lastPageKey === pageKey) {
          target.upserts.push(summary);
          target.reannounce = true;
        } else if (target.upserts.length === 0 && target.removedOfferIds.length === 0) {
          edits.delete(candidate.skuId);
        }
        continue;
      }
      counts.offersWritten++;
      rewrites.push(candidate);
      target.upserts.push(summary);
      if (before && before.skuId !== candidate.skuId) {
        // Its barcode (or brand / model) changed: the offer leaves the product it matched before.
        const left = edit(before.skuId, matchKeyOf(before.offer));
        left.removedOfferIds.push(offer.offerId);
      }
    }
    if (rewrites.length > 0) await this.store.writeOffers(context.sourceId, rewrites);
    return [...edits.values()];
  }

  private storedOffer(offer: CanonicalOffer, pageKey: string, at: Date): StoredOffer {
    return { offer, contentHash: offerContentHash(offer), skuId: skuIdFor(matchKeyOf(offer)), lastPageKey: pageKey, updatedAt: at };
  }

  private quarantineEntry(record: SourcePage['records'][number], reasons: FieldIssue[], context: PageContext): QuarantinedRecord {
    return {
      sourceId: context.sourceId,
      externalId: record.externalId,
      jobId: context.jobId,
      reasons,
      payloadJson: JSON.stringify(record.payload),
      at: context.at,
    };
  }
}

/**
 * The fingerprint of a record as received. Bump FINGERPRINT_VERSION when normalisation or validation rules
 * change, so that records already stored are read again under the new rules.
 */
const FINGERPRINT_VERSION = 1;

function fingerprintOf(record: SourcePage['records'][number]): string {
  return hashOf({ v: FINGERPRINT_VERSION, payload: record.payload });
}

function sameSnapshot(before: Map<string, PageSnapshotEntry> | undefined, after: Map<string, PageSnapshotEntry>): boolean {
  if (!before || before.size !== after.size) return false;
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (!old || old.stock !== entry.stock || old.print !== entry.print) return false;
  }
  return true;
}
