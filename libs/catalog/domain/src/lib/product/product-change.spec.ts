import { canonicalOffer } from '../../testing/offer-fixtures';
import { DefaultBestOfferStrategy } from '../best-offer/default-best-offer-strategy';
import type { CanonicalOffer } from '../offer/canonical-offer';
import { deriveProduct, summaryOf } from './derive-product';
import { classifyChange, productContentHash, stableJson } from './product-change';
import type { ProductState } from './product-state';

function productOf(...offers: CanonicalOffer[]): ProductState {
  const result = deriveProduct(
    { skuId: 'sku_1', matchKey: 'bc:1', offers: offers.map((offer) => summaryOf(offer)), details: new Map(offers.map((offer) => [offer.offerId, offer])) },
    new DefaultBestOfferStrategy(),
  );
  if (!result.ok) throw new Error('expected a product');
  return result.product;
}

describe('classifyChange', () => {
  const base = canonicalOffer({ offerId: 'jd:1', supplyPriceFen: 20000, marketPriceFen: 30000, stock: 5 });

  it('calls a first version created and an identical one no change', () => {
    expect(classifyChange(undefined, productOf(base))).toBe('created');
    expect(classifyChange(productOf(base), productOf({ ...base }))).toBe('none');
  });

  it('tells a price change from a stock change', () => {
    expect(classifyChange(productOf(base), productOf({ ...base, supplyPriceFen: 21000 }))).toBe('price');
    expect(classifyChange(productOf(base), productOf({ ...base, stock: 0 }))).toBe('stock');
  });

  it('calls losing the last listed offer delisted', () => {
    const previous = productOf(base);
    const next: ProductState = { ...previous, bestOfferId: null, sellable: false, stock: 0, delistedReason: 'every supplier has delisted it' };
    expect(classifyChange(previous, next)).toBe('delisted');
  });

  it('calls a change of details, or of price and stock together, updated', () => {
    expect(classifyChange(productOf(base), productOf({ ...base, title: '新标题 JY-FBY8IPWV' }))).toBe('updated');
    expect(classifyChange(productOf(base), productOf({ ...base, stock: 1, supplyPriceFen: 21000 }))).toBe('updated');
  });

  it('sees a second offer without stock as no change malls see, yet as new content to store', () => {
    const worse = canonicalOffer({
      sourceId: 'taobao',
      sourceKind: 'taobao',
      externalId: '9',
      offerId: 'taobao:9',
      supplyPriceFen: 25000,
      marketPriceFen: 30000,
      stock: 0,
    });
    expect(classifyChange(productOf(base), productOf(base, worse))).toBe('none');
    expect(productContentHash(productOf(base))).not.toBe(productContentHash(productOf(base, worse)));
  });
});

describe('stableJson', () => {
  it('does not depend on key order and leaves undefined out', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe(stableJson({ a: [{ d: 2 }], b: 1 }));
  });

  it('writes exactly what stored content hashes were computed from', () => {
    // Hashes in every catalog database depend on this text: a change here would rewrite every product.
    const value = { b: 1.5, a: [{ d: 2, c: undefined }, null, undefined, '美的 "电饭煲"'], é: true, Z: 0, nested: { y: [], x: {} }, s: 'a\nb' };
    expect(stableJson(value)).toBe('{"Z":0,"a":[{"d":2},null,null,"美的 \\"电饭煲\\""],"b":1.5,"nested":{"x":{},"y":[]},"s":"a\\nb","é":true}');
    expect(stableJson(value)).toBe(stableJsonAsFirstWritten(value));
  });

  it('matches the first implementation on varied generated values', () => {
    let seed = 2260;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const keys = ['id', 'Title', 'title', 'price', '价格', 'a_b', 'z', '10', '9', 'offers'];
    const generate = (depth: number): unknown => {
      const pick = random();
      if (depth > 3 || pick < 0.3) return [1, -2.5, 'x', '电饭煲', true, false, null, undefined, 0][Math.floor(random() * 9)];
      if (pick < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => generate(depth + 1));
      return Object.fromEntries(keys.filter(() => random() < 0.4).map((key) => [key, generate(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const value = generate(0);
      expect(stableJson(value)).toBe(stableJsonAsFirstWritten(value));
    }
  });
});

/** The implementation the stored hashes were first computed with, kept as the reference. */
function stableJsonAsFirstWritten(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJsonAsFirstWritten).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJsonAsFirstWritten(entry)}`).join(',')}}`;
}
