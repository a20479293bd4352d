import { hashOf } from '../product/product-change';
import type { CanonicalOffer } from './canonical-offer';

/** The content hash of an offer: a re-read record with the same hash is not written again. */
export function offerContentHash(offer: CanonicalOffer): string {
  return hashOf(offer);
}
