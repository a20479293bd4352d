import { createHash } from 'node:crypto';
import { matchingKey } from '../text/normalize-text';
import type { CanonicalOffer } from '../offer/canonical-offer';

/**
 * Which offers are the same product: the barcode when there is one; else brand and model, normalised;
 * else nothing matches the offer but itself. Returned as a string key, e.g. `bc:6901234567892`.
 */
export function matchKeyOf(offer: Pick<CanonicalOffer, 'barcode' | 'brand' | 'model' | 'offerId'>): string {
  if (offer.barcode) return `bc:${offer.barcode}`;
  const brand = matchingKey(offer.brand);
  const model = offer.model ? matchingKey(offer.model) : '';
  if (brand && model.length >= 2) return `bm:${brand}|${model}`;
  return `offer:${offer.offerId}`;
}

/**
 * The SKU id of the product an offer belongs to, derived from its match key. Deterministic, so that two
 * syncs (or two sources) that meet the same product name the same document without looking anything up
 * first: matching costs no query, and a unique `_id` settles a race between two writers.
 */
export function skuIdFor(matchKey: string): string {
  return `sku_${createHash('sha256').update(matchKey, 'utf8').digest('hex').slice(0, 20)}`;
}
