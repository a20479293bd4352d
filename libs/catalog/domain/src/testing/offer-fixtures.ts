import type { OfferSummary } from '../lib/best-offer/offer-summary';
import type { CanonicalOffer } from '../lib/offer/canonical-offer';
import type { ProductState } from '../lib/product/product-state';
import type { OfferDraft } from '../lib/offer/validate-offer';

/** A valid draft of a JD offer; override what a test is about. */
export function offerDraft(overrides: Partial<OfferDraft> = {}): OfferDraft {
  return {
    sourceId: 'jd',
    sourceKind: 'jd',
    externalId: '100010000063',
    title: '九阳（Joyoung）电饭煲 3L 不粘内胆 JY-FBY8IPWV',
    brand: '九阳',
    model: 'JY-FBY8IPWV',
    categoryFamily: 'physical',
    subcategory: '电饭煲',
    specs: [{ name: '容量', value: '3L' }],
    images: ['https://img.example.com/jy/1.jpg'],
    barcode: '6901234567892',
    supplyPriceFen: 19900,
    marketPriceFen: 29900,
    stock: 12,
    status: 'listed',
    ...overrides,
  };
}

export function canonicalOffer(overrides: Partial<CanonicalOffer> = {}): CanonicalOffer {
  const draft = offerDraft(overrides as Partial<OfferDraft>);
  return { ...(draft as CanonicalOffer), offerId: `${draft.sourceId}:${draft.externalId}`, ...overrides };
}

export function offerSummary(overrides: Partial<OfferSummary> = {}): OfferSummary {
  return {
    offerId: 'jd:1',
    sourceId: 'jd',
    externalId: '1',
    supplyPriceFen: 10000,
    marketPriceFen: 15000,
    stock: 5,
    status: 'listed',
    qualityScore: 50,
    dispatchSlaHours: 48,
    ...overrides,
  };
}

/** An approved, sellable product with one JD offer (`<sourceId>:1`); override what a test is about. */
export function productState(overrides: Partial<ProductState> = {}, sourceId = 'jd'): ProductState {
  return {
    skuId: 'sku_1',
    matchKey: 'k',
    title: '美的电饭煲 MB-FB40',
    brand: '美的',
    categoryFamily: 'physical',
    subcategory: '电饭煲',
    specs: [],
    images: [],
    contractPriceFen: 29900,
    marketPriceFen: 39900,
    supplyPriceFen: 28000,
    stock: 12,
    sellable: true,
    bestOfferId: `${sourceId}:1`,
    offers: [offerSummary({ offerId: `${sourceId}:1`, sourceId, externalId: '1', supplyPriceFen: 28000, marketPriceFen: 39900, stock: 12 })],
    delistedReason: null,
    ...overrides,
  };
}
