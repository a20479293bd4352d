import type { BestOfferStrategy } from './best-offer-strategy';
import type { OfferSummary } from './offer-summary';

export interface DefaultBestOfferOptions {
  /** Offers at most this much dearer than the cheapest (in basis points) are close enough for quality to decide. */
  closePriceBps?: number;
}

/** 2 %: on a 100-yuan item, two yuan buys the better supplier. */
export const DEFAULT_CLOSE_PRICE_BPS = 200;

/**
 * The rule, in order: only listed offers can be sold; in stock beats out of stock; among the offers
 * whose supply price is close to the lowest (within closePriceBps), the better supplier quality score;
 * then the lower price; then the shorter dispatch SLA; then the offer id, so two syncs always agree.
 * Closeness is measured from the cheapest offer, not pairwise, so the choice does not depend on the
 * offers' order. An out-of-stock offer is still chosen when no offer has stock, so the product keeps its
 * details while it waits for stock (and is not sellable meanwhile).
 */
export class DefaultBestOfferStrategy implements BestOfferStrategy {
  private readonly closePriceBps: number;

  constructor(options: DefaultBestOfferOptions = {}) {
    this.closePriceBps = options.closePriceBps ?? DEFAULT_CLOSE_PRICE_BPS;
  }

  choose(offers: readonly OfferSummary[]): OfferSummary | undefined {
    const listed = offers.filter((offer) => offer.status === 'listed');
    const inStock = listed.filter((offer) => offer.stock > 0);
    const pool = inStock.length > 0 ? inStock : listed;
    if (pool.length === 0) return undefined;
    const cheapest = Math.min(...pool.map((offer) => offer.supplyPriceFen));
    let best: OfferSummary | undefined;
    for (const offer of pool) {
      if (offer.supplyPriceFen * 10_000 > cheapest * (10_000 + this.closePriceBps)) continue;
      if (best === undefined || compareCloseOffers(offer, best) < 0) best = offer;
    }
    return best;
  }
}

function compareCloseOffers(a: OfferSummary, b: OfferSummary): number {
  return (
    b.qualityScore - a.qualityScore ||
    a.supplyPriceFen - b.supplyPriceFen ||
    a.dispatchSlaHours - b.dispatchSlaHours ||
    (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0)
  );
}
