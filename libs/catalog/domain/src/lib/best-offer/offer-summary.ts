import type { OfferStatus } from '../offer/canonical-offer';

/**
 * What the product document keeps about each of its offers: enough to choose the best one without
 * reading the offers themselves. Flat on purpose (no arrays inside), as FerretDB wants array elements.
 */
export interface OfferSummary {
  offerId: string;
  sourceId: string;
  externalId: string;
  supplyPriceFen: number;
  marketPriceFen: number;
  stock: number;
  status: OfferStatus;
  /** Supplier quality, 0–100 (curation fills it; 50 until then). */
  qualityScore: number;
  /** Promised hours from order to dispatch for this supplier. */
  dispatchSlaHours: number;
}
