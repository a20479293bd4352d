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
});
