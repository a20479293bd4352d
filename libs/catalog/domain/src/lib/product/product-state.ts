import type { CategoryFamily } from '@supply-hub/contracts';
import type { OfferSummary } from '../best-offer/offer-summary';
import type { ProductCuration } from '../curation/product-curation';
import type { Spec } from '../offer/canonical-offer';

/**
 * A product in the curated catalog, as malls see it and as its events carry it: one SKU id, the details
 * of its best offer, one contract price (the offers behind it stay hidden) and the market reference price.
 */
export interface ProductState {
  skuId: string;
  matchKey: string;
  title: string;
  brand: string;
  model?: string;
  categoryFamily: CategoryFamily;
  subcategory: string;
  specs: Spec[];
  images: string[];
  barcode?: string;
  /** What the mall pays: the best offer's supply price plus our margin, never above the market price. */
  contractPriceFen: number;
  marketPriceFen: number;
  /** The best offer's supply price (our cost); never shown to malls. */
  supplyPriceFen: number;
  /** Units across the product's listed offers. */
  stock: number;
  sellable: boolean;
  bestOfferId: string | null;
  offers: OfferSummary[];
  /** Why the product cannot be sold at all (no listed offer left, or staff's decision), when that is the case. */
  delistedReason: string | null;
  /** Staff's decision (pending, approved, rejected, suspended, delisted); absent: approved. */
  curation?: ProductCuration;
}
