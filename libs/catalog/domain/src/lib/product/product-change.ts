import { createHash } from 'node:crypto';
import type { ProductState } from './product-state';

/** What kind of change one product version is; decides the event that announces it. */
export type ProductChangeKind = 'created' | 'updated' | 'price' | 'stock' | 'delisted' | 'none';

const PRICE_FIELDS = ['contractPriceFen', 'marketPriceFen', 'supplyPriceFen'] as const;
const STOCK_FIELDS = ['stock', 'sellable'] as const;

/**
 * Compares what consumers see of a product before and after. Exactly one kind per version: a change
 * of prices only is `price`, of stock only `stock`, losing its last listed offer `delisted`, anything
 * else (details, best offer switched, several kinds at once) `updated`, with the full state.
 */
export function classifyChange(previous: ProductState | undefined, next: ProductState): ProductChangeKind {
  if (previous === undefined) return 'created';
  if (announcedHash(previous) === announcedHash(next)) return 'none';
  if (previous.bestOfferId !== null && next.bestOfferId === null) return 'delisted';
  // Staff suspending or delisting a SKU: consumers learn why (a stock event would carry no reason).
  if (previous.delistedReason === null && next.delistedReason !== null) return 'delisted';
  const changed = changedFields(previous, next);
  if (changed.every((field) => (PRICE_FIELDS as readonly string[]).includes(field))) return 'price';
  if (changed.every((field) => (STOCK_FIELDS as readonly string[]).includes(field))) return 'stock';
  return 'updated';
}

/**
 * A hash of everything a product's events say: two states with the same hash need no write and no
 * event. Offer summaries count too (a cheaper second offer changes nothing malls see, yet it must be
 * stored so that the next change picks the right best offer).
 */
export function productContentHash(product: ProductState): string {
  return hashOf(product);
}

function announcedHash(product: ProductState): string {
  const { offers: _offers, ...announced } = product;
  return hashOf(announced);
}

function changedFields(previous: ProductState, next: ProductState): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  keys.delete('offers');
  return [...keys].filter(
    (key) => stableJson((previous as unknown as Record<string, unknown>)[key]) !== stableJson((next as unknown as Record<string, unknown>)[key]),
  );
}

export function hashOf(value: unknown): string {
  return createHash('sha1').update(stableJson(value)).digest('hex');
}

/**
 * JSON with object keys sorted, so equal content always hashes alike. Built by plain concatenation: every
 * offer, product and received record of a sync is hashed this way (the largest share of the sync's own
 * CPU after HTTP). Its output is stored in content hashes, so it must never change for the same value.
 */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + stableJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  // The default sort orders strings by UTF-16 code units, as `<` does.
  for (const key of Object.keys(record).sort()) {
    const entry = record[key];
    if (entry === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${stableJson(entry)}`;
    first = false;
  }
  return `${out}}`;
}
