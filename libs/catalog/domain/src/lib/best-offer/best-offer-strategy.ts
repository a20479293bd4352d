import type { OfferSummary } from './offer-summary';

/** Chooses which offer a product is sold from. Pluggable (Vendure-style strategy); the default is below. */
export interface BestOfferStrategy {
  /** The best offer, or undefined when none can be sold. */
  choose(offers: readonly OfferSummary[]): OfferSummary | undefined;
}
