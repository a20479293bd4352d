import { canonicalOffer } from '../../testing/offer-fixtures';
import { DefaultBestOfferStrategy } from '../best-offer/default-best-offer-strategy';
import type { CanonicalOffer } from '../offer/canonical-offer';
import { deriveProduct, summaryOf, withOffer } from './derive-product';
import { contractPriceOf } from './pricing-policy';

const strategy = new DefaultBestOfferStrategy();
const jd = canonicalOffer({ sourceId: 'jd', externalId: '1', offerId: 'jd:1', title: '京东标题', supplyPriceFen: 20000, marketPriceFen: 30000, stock: 4 });
const taobao = canonicalOffer({
  sourceId: 'taobao',
  sourceKind: 'taobao',
  externalId: '2',
  offerId: 'taobao:2',
  title: '淘宝标题',
  supplyPriceFen: 18000,
  marketPriceFen: 18000,
  stock: 6,
});
const details = (...offers: CanonicalOffer[]) => new Map(offers.map((offer) => [offer.offerId, offer]));

describe('deriveProduct', () => {
  it('takes details and price from the best offer and stock from all listed offers', () => {
    const result = deriveProduct({ skuId: 'sku_1', matchKey: 'bc:1', offers: [summaryOf(jd), summaryOf(taobao)], details: details(jd, taobao) }, strategy);
    expect(result.ok && result.product).toMatchObject({
      title: '淘宝标题',
      bestOfferId: 'taobao:2',
      supplyPriceFen: 18000,
      contractPriceFen: 18000,
      marketPriceFen: 18000,
      stock: 10,
      sellable: true,
      delistedReason: null,
    });
  });

  it('asks for the best offer’s details when they are not at hand', () => {
    expect(deriveProduct({ skuId: 'sku_1', matchKey: 'bc:1', offers: [summaryOf(jd), summaryOf(taobao)], details: details(jd) }, strategy)).toEqual({
      ok: false,
      needsDetailsOf: 'taobao:2',
    });
  });

  it('moves to the next best offer when the best is delisted', () => {
    const offers = withOffer([summaryOf(jd), summaryOf(taobao)], summaryOf({ ...taobao, status: 'delisted' }));
    const result = deriveProduct({ skuId: 'sku_1', matchKey: 'bc:1', offers, details: details(jd) }, strategy);
    expect(result.ok && result.product).toMatchObject({ bestOfferId: 'jd:1', title: '京东标题', stock: 4, contractPriceFen: contractPriceOf(20000, 30000) });
  });

  it('keeps its last details but cannot be sold once every offer is delisted', () => {
    const first = deriveProduct({ skuId: 'sku_1', matchKey: 'bc:1', offers: [summaryOf(jd)], details: details(jd) }, strategy);
    if (!first.ok) throw new Error('expected a product');
    const result = deriveProduct(
      { skuId: 'sku_1', matchKey: 'bc:1', offers: [summaryOf({ ...jd, status: 'delisted' })], previous: first.product, details: new Map() },
      strategy,
    );
    expect(result.ok && result.product).toMatchObject({
      title: '京东标题',
      bestOfferId: null,
      sellable: false,
      stock: 0,
      delistedReason: 'every supplier has delisted it',
    });
  });

  it('is not sellable when its best offer has no stock', () => {
    const empty = { ...jd, stock: 0 };
    const result = deriveProduct({ skuId: 'sku_1', matchKey: 'bc:1', offers: [summaryOf(empty)], details: details(empty) }, strategy);
    expect(result.ok && result.product).toMatchObject({ sellable: false, bestOfferId: 'jd:1' });
  });
});

describe('contract price', () => {
  it('adds the margin and rounds up to the fen, never above the market price', () => {
    expect(contractPriceOf(10000, 20000)).toBe(10600);
    expect(contractPriceOf(9999, 20000)).toBe(10599);
    expect(contractPriceOf(10000, 10300)).toBe(10300);
    expect(contractPriceOf(10000, 10000, { marginBps: 0 })).toBe(10000);
  });
});
