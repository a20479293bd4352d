import {
  type BestOfferStrategy,
  type CatalogStore,
  type StoredProduct,
  type CanonicalOffer,
  classifyChange,
  deriveProduct,
  type OfferSummary,
  type PricingPolicy,
  type ProductCuration,
  productContentHash,
  type ProductState,
  withCuration,
} from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { skuEventFor } from './sku-events';

/** What a page does to one product: offers that now belong to it, offers that left it. */
export interface ProductEdit {
  skuId: string;
  matchKey: string;
  upserts: OfferSummary[];
  removedOfferIds: string[];
  /** Announce the stored version again even if this attempt changes nothing (see PageProcessor). */
  reannounce: boolean;
}

export interface MergeContext {
  pageKey: string;
  at: Date;
  details: Map<string, CanonicalOffer>;
}

export interface MergeOutcome {
  written: number;
  events: SerializedEvent[];
}

const MAX_CAS_ATTEMPTS = 8;

interface Replace {
  kind: 'replace';
  next: StoredProduct;
  expectedVersion: number;
  event: SerializedEvent | undefined;
}
type Plan = { kind: 'none'; event?: SerializedEvent | undefined } | { kind: 'insert'; fresh: StoredProduct } | Replace;

/** Staff's first decision on a SKU the catalog has never had (the curation rules); none: approved. */
export type InitialCuration = (product: ProductState, at: Date) => ProductCuration | undefined;

/**
 * Applies a page's edits to products: new products by insert (a duplicate _id means another source was
 * first), existing ones by a version-guarded replace, read again and retried when another writer won.
 * Each version written that consumers can see gets exactly one event.
 */
export class ProductMerger {
  constructor(
    private readonly store: CatalogStore,
    private readonly strategy: BestOfferStrategy,
    private readonly pricing: PricingPolicy,
    private readonly initialCuration: InitialCuration = () => undefined,
    private readonly concurrency = 8,
  ) {}

  async apply(edits: ProductEdit[], context: MergeContext): Promise<MergeOutcome> {
    const outcome: MergeOutcome = { written: 0, events: [] };
    if (edits.length === 0) return outcome;

    // One read of every product the page touches: what exists is merged, what does not is inserted in one
    // batch. (Inserting blindly costs more on FerretDB: a batch with one duplicate is redone row by row.)
    const known = await this.store.readProducts(edits.map((edit) => edit.skuId));
    const fresh = new Map<string, { edit: ProductEdit; product: StoredProduct }>();
    for (const edit of edits) {
      if (known.has(edit.skuId) || edit.removedOfferIds.length > 0 || edit.reannounce) continue;
      const derived = deriveProduct(
        { skuId: edit.skuId, matchKey: edit.matchKey, offers: sortOffers(edit.upserts), details: context.details },
        this.strategy,
        this.pricing,
      );
      if (!derived.ok) continue;
      fresh.set(edit.skuId, { edit, product: this.stored(this.firstDecision(derived.product, context.at), 1, context, context.at) });
    }
    // Another writer may have created some of them since the read: those go the merge way below.
    const { existing } = await this.store.insertProducts([...fresh.values()].map((entry) => entry.product));
    const existingIds = new Set(existing);
    for (const [skuId, { product }] of fresh) {
      if (existingIds.has(skuId)) continue;
      outcome.written++;
      const event = skuEventFor('created', undefined, product.state, 1, context.at);
      if (event) outcome.events.push(event);
    }

    // First attempts against the page's read, their replaces in one batch; an edit another writer got to
    // first (or a product created since the read) goes the one-by-one way, from a fresh read.
    const rest = edits.filter((edit) => !fresh.has(edit.skuId) || existingIds.has(edit.skuId));
    const replacing: { edit: ProductEdit; plan: Replace }[] = [];
    const again: ProductEdit[] = [];
    await forEachLimited(rest, this.concurrency, async (edit) => {
      const stored = known.get(edit.skuId);
      if (!stored) return void again.push(edit);
      const plan = await this.plan(edit, stored, context);
      if (plan.kind === 'replace') replacing.push({ edit, plan });
      else if (plan.kind === 'none' && plan.event) outcome.events.push(plan.event);
    });
    const lost = new Set(await this.store.replaceProducts(replacing.map(({ plan }) => ({ product: plan.next, expectedVersion: plan.expectedVersion }))));
    for (const { edit, plan } of replacing) {
      if (lost.has(edit.skuId)) again.push(edit);
      else {
        outcome.written++;
        if (plan.event) outcome.events.push(plan.event);
      }
    }
    await forEachLimited(again, this.concurrency, async (edit) => {
      const result = await this.mergeOne(edit, context);
      outcome.written += result.written;
      if (result.event) outcome.events.push(result.event);
    });
    return outcome;
  }

  /** Merges one product from a fresh read, again while other writers change it first. */
  private async mergeOne(edit: ProductEdit, context: MergeContext): Promise<{ written: number; event?: SerializedEvent }> {
    for (let attempt = 1; attempt <= MAX_CAS_ATTEMPTS; attempt++) {
      const stored = (await this.store.readProducts([edit.skuId])).get(edit.skuId);
      const plan = await this.plan(edit, stored, context);
      if (plan.kind === 'none') return { written: 0, event: plan.event };
      if (plan.kind === 'insert') {
        const { existing } = await this.store.insertProducts([plan.fresh]);
        if (existing.length > 0) continue;
        return { written: 1, event: skuEventFor('created', undefined, plan.fresh.state, 1, context.at) };
      }
      if (!(await this.store.replaceProduct(plan.next, plan.expectedVersion))) continue;
      return { written: 1, event: plan.event };
    }
    throw new Error(`product ${edit.skuId}: gave up after ${MAX_CAS_ATTEMPTS} concurrent changes`);
  }

  /** What `edit` makes of the product as `stored` holds it (undefined: not stored), and the event that announces it. */
  private async plan(edit: ProductEdit, stored: StoredProduct | undefined, context: MergeContext): Promise<Plan> {
    const base = stored?.state.offers ?? [];
    const offers = sortOffers([
      ...base.filter((offer) => !edit.removedOfferIds.includes(offer.offerId) && !edit.upserts.some((u) => u.offerId === offer.offerId)),
      ...edit.upserts,
    ]);
    const product = await this.derive(edit, offers, stored?.state, context);
    if (product === undefined) return { kind: 'none' };
    if (stored === undefined) return { kind: 'insert', fresh: this.stored(this.firstDecision(product, context.at), 1, context, context.at) };

    const contentHash = productContentHash(product);
    if (contentHash === stored.contentHash) {
      // Written by an earlier attempt at this very page that crashed before its events were saved.
      const again = edit.reannounce && stored.lastPageKey === context.pageKey;
      return { kind: 'none', event: again ? skuEventFor('reannounce', undefined, stored.state, stored.version, context.at) : undefined };
    }
    const version = stored.version + 1;
    const next: StoredProduct = { state: product, version, contentHash, lastPageKey: context.pageKey, createdAt: stored.createdAt, updatedAt: context.at };
    return {
      kind: 'replace',
      next,
      expectedVersion: stored.version,
      event: skuEventFor(classifyChange(stored.state, product), stored.state, product, version, context.at),
    };
  }

  /** The product for `offers`, reading the best offer's details when the page does not hold them. */
  private async derive(
    edit: ProductEdit,
    offers: OfferSummary[],
    previous: ProductState | undefined,
    context: MergeContext,
  ): Promise<ProductState | undefined> {
    for (let reads = 0; reads < 3; reads++) {
      const derived = deriveProduct({ skuId: edit.skuId, matchKey: edit.matchKey, offers, previous, details: context.details }, this.strategy, this.pricing);
      if (derived.ok) return derived.product;
      const summary = offers.find((offer) => offer.offerId === derived.needsDetailsOf);
      if (!summary) return undefined;
      const stored = (await this.store.readOffers(summary.sourceId, [summary.offerId])).get(summary.offerId);
      if (!stored) return undefined;
      context.details.set(summary.offerId, stored.offer);
    }
    return undefined;
  }

  private firstDecision(product: ProductState, at: Date): ProductState {
    const curation = this.initialCuration(product, at);
    return curation ? withCuration(product, curation) : product;
  }

  private stored(state: ProductState, version: number, context: MergeContext, createdAt: Date): StoredProduct {
    return { state, version, contentHash: productContentHash(state), lastPageKey: context.pageKey, createdAt, updatedAt: context.at };
  }
}

function sortOffers(offers: OfferSummary[]): OfferSummary[] {
  return [...offers].sort((a, b) => (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}
