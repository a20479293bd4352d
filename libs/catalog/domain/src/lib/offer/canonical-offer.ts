import type { CategoryFamily } from '@supply-hub/contracts';
import type { SourceKind } from '../sources/supplier-source';

/** One named attribute of a product, as the supplier states it (规格: 容量 = 4L). */
export interface Spec {
  name: string;
  value: string;
}

export type OfferStatus = 'listed' | 'delisted';

/**
 * One supplier's offer of one product, in the catalog's own terms: what every source is normalised
 * into before it is validated, matched and stored. Money in integer fen.
 */
export interface CanonicalOffer {
  /** `<sourceId>:<externalId>`, unique across sources. */
  offerId: string;
  sourceId: string;
  sourceKind: SourceKind;
  externalId: string;
  title: string;
  brand: string;
  model?: string;
  categoryFamily: CategoryFamily;
  subcategory: string;
  specs: Spec[];
  images: string[];
  /** EAN-13 (UPC-A and EAN-8 are widened to 13 digits), when the product has one. */
  barcode?: string;
  /** What we pay the supplier (供货价). */
  supplyPriceFen: number;
  /** The market reference price (市场参考价) malls show next to the points price. */
  marketPriceFen: number;
  stock: number;
  status: OfferStatus;
}

export function offerIdOf(sourceId: string, externalId: string): string {
  return `${sourceId}:${externalId}`;
}
