import type { BestOfferStrategy } from './best-offer-strategy';
import type { OfferSummary } from './offer-summary';

/**
 * The rule, in order: only listed offers can be sold; in stock beats out of stock; then the lowest
 * supply price (cost); then the better supplier quality score; then the shorter dispatch SLA; then the
 * offer id, so two syncs always agree. An out-of-stock offer is still chosen when no offer has stock, so
 * the product keeps its details while it waits for stock (and is not sellable meanwhile).
 */
export class DefaultBestOfferStrategy implements BestOfferStrategy {
  choose(offers: readonly OfferSummary[]): OfferSummary | undefined {
    let best: OfferSummary | undefined;
    for (const offer of offers) {
      if (offer.status !== 'listed') continue;
      if (best === undefined || compareOffers(offer, best) < 0) best = offer;
    }
    return best;
  }
}

function compareOffers(a: OfferSummary, b: OfferSummary): number {
  return (
    Number(b.stock > 0) - Number(a.stock > 0) ||
    a.supplyPriceFen - b.supplyPriceFen ||
    b.qualityScore - a.qualityScore ||
    a.dispatchSlaHours - b.dispatchSlaHours ||
    (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0)
  );
}
