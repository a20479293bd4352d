import type { BestOfferStrategy } from '../best-offer/best-offer-strategy';
import type { OfferSummary } from '../best-offer/offer-summary';
import { withCuration } from '../curation/product-curation';
import type { CanonicalOffer } from '../offer/canonical-offer';
import { contractPriceOf, DEFAULT_PRICING_POLICY, type PricingPolicy } from './pricing-policy';
import type { ProductState } from './product-state';

export const DEFAULT_QUALITY_SCORE = 50;
export const DEFAULT_DISPATCH_SLA_HOURS = 48;

export function summaryOf(offer: CanonicalOffer, supplier: { qualityScore?: number; dispatchSlaHours?: number } = {}): OfferSummary {
  return {
    offerId: offer.offerId,
    sourceId: offer.sourceId,
    externalId: offer.externalId,
    supplyPriceFen: offer.supplyPriceFen,
    marketPriceFen: offer.marketPriceFen,
    stock: offer.stock,
    status: offer.status,
    qualityScore: supplier.qualityScore ?? DEFAULT_QUALITY_SCORE,
    dispatchSlaHours: supplier.dispatchSlaHours ?? DEFAULT_DISPATCH_SLA_HOURS,
  };
}

/** Puts `summary` in place of the offer with the same id (or adds it), keeping a stable order. */
export function withOffer(offers: readonly OfferSummary[], summary: OfferSummary): OfferSummary[] {
  const others = offers.filter((offer) => offer.offerId !== summary.offerId);
  return [...others, summary].sort((a, b) => (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
}

export interface DeriveProductInput {
  skuId: string;
  matchKey: string;
  offers: readonly OfferSummary[];
  /** The product as stored, if any: its details stand when no listed offer is left. */
  previous?: ProductState;
  /** The full offers the caller has at hand; the best offer's details must be among them. */
  details: ReadonlyMap<string, CanonicalOffer>;
}

export type DeriveProductResult =
  | { ok: true; product: ProductState }
  /** The best offer is not among `details`: read it and call again. */
  | { ok: false; needsDetailsOf: string };

/**
 * The product a set of offers makes: the best offer (by strategy) gives the details and the price;
 * stock is what all listed offers hold; sellable when the best offer is listed and in stock. With no
 * listed offer the product keeps its last details and is delisted.
 */
export function deriveProduct(input: DeriveProductInput, strategy: BestOfferStrategy, pricing: PricingPolicy = DEFAULT_PRICING_POLICY): DeriveProductResult {
  const offers = [...input.offers];
  const best = strategy.choose(offers);
  const stock = offers.filter((offer) => offer.status === 'listed').reduce((sum, offer) => sum + offer.stock, 0);

  if (best === undefined) {
    const last = input.previous ?? detailsFallback(input);
    if (last === undefined) return { ok: false, needsDetailsOf: offers[0]?.offerId ?? '' };
    return {
      ok: true,
      product: withCuration(
        { ...last, skuId: input.skuId, matchKey: input.matchKey, offers, stock: 0, sellable: false, bestOfferId: null, delistedReason: 'every supplier has delisted it' },
        input.previous?.curation,
      ),
    };
  }

  const detail = input.details.get(best.offerId);
  if (detail === undefined) return { ok: false, needsDetailsOf: best.offerId };
  return {
    ok: true,
    // Staff's decision stays with the product whatever its offers do.
    product: withCuration({
      skuId: input.skuId,
      matchKey: input.matchKey,
      title: detail.title,
      brand: detail.brand,
      ...(detail.model ? { model: detail.model } : {}),
      categoryFamily: detail.categoryFamily,
      subcategory: detail.subcategory,
      specs: detail.specs,
      images: detail.images,
      ...(detail.barcode ? { barcode: detail.barcode } : {}),
      contractPriceFen: contractPriceOf(best.supplyPriceFen, best.marketPriceFen, pricing),
      marketPriceFen: best.marketPriceFen,
      supplyPriceFen: best.supplyPriceFen,
      stock,
      sellable: best.stock > 0,
      bestOfferId: best.offerId,
      offers,
      delistedReason: null,
    }, input.previous?.curation),
  };
}

/** A product never stored before whose only offers are delisted: described by any offer at hand. */
function detailsFallback(input: DeriveProductInput): ProductState | undefined {
  const detail = input.offers.map((offer) => input.details.get(offer.offerId)).find((offer) => offer !== undefined);
  if (detail === undefined) return undefined;
  return {
    skuId: input.skuId,
    matchKey: input.matchKey,
    title: detail.title,
    brand: detail.brand,
    ...(detail.model ? { model: detail.model } : {}),
    categoryFamily: detail.categoryFamily,
    subcategory: detail.subcategory,
    specs: detail.specs,
    images: detail.images,
    ...(detail.barcode ? { barcode: detail.barcode } : {}),
    contractPriceFen: contractPriceOf(detail.supplyPriceFen, detail.marketPriceFen),
    marketPriceFen: detail.marketPriceFen,
    supplyPriceFen: detail.supplyPriceFen,
    stock: 0,
    sellable: false,
    bestOfferId: null,
    offers: [],
    delistedReason: null,
  };
}
