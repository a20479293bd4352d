import { createEvent } from '../events/create-event';
import { CATEGORY_FAMILIES, CATEGORY_FAMILY_LABELS } from './category-family';
import { SkuDelisted } from './sku-delisted.event';
import { SkuUpserted } from './sku-upserted.event';

const sku = {
  skuId: 'sku-1',
  title: '话费充值 100 元',
  categoryFamily: 'virtual' as const,
  contractPriceFen: 9800,
  supplyPriceFen: 9800,
  marketPriceFen: 10000,
  stock: 0,
  sellable: false,
  version: 1,
};

describe('catalog events', () => {
  it('know the four category families and their Chinese names', () => {
    expect(CATEGORY_FAMILIES).toEqual(['physical', 'virtual', 'service', 'coupon']);
    expect(CATEGORY_FAMILY_LABELS.coupon).toBe('优惠券');
  });

  it('accept a SKU without brand and key it by SKU id', () => {
    const event = createEvent(SkuUpserted, sku, { source: '/catalog-sync' });
    expect(event.subject).toBe('sku-1');
    expect(SkuUpserted.keyOf(event.data)).toBe('sku-1');
  });

  it.each([
    ['a price in yuan', { supplyPriceFen: 98.5 }],
    ['a negative market price', { marketPriceFen: -1 }],
    ['an empty title', { title: '' }],
    ['version 0', { version: 0 }],
    ['a missing sellable flag', { sellable: undefined }],
  ])('refuse %s', (_case, change) => {
    expect(() => createEvent(SkuUpserted, { ...sku, ...change } as typeof sku, { source: '/catalog-sync' })).toThrow(
      'cannot create supplyhub.catalog.sku-upserted.v1',
    );
  });

  it('require a reason to delist', () => {
    expect(() => createEvent(SkuDelisted, { skuId: 'sku-1', reason: '', version: 2 }, { source: '/catalog-sync' })).toThrow();
    expect(createEvent(SkuDelisted, { skuId: 'sku-1', reason: 'blacklisted brand', version: 2 }, { source: '/catalog-sync' }).subject).toBe('sku-1');
  });
});
