import { createEvent } from '../events/create-event';
import { BlacklistChanged } from './blacklist-changed.event';
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

  it('key a blacklist change by its entry id, for every mall (no tenant)', () => {
    const data = {
      entryId: 'bl_0123456789abcdef0123',
      change: 'added' as const,
      target: { kind: 'brand' as const, value: '九阳' },
      reason: '抽检不合格',
      author: 'quality-1',
      at: '2025-06-01T08:00:00.000Z',
    };
    const event = createEvent(BlacklistChanged, data, { source: '/catalog-sync' });
    expect(event.subject).toBe('bl_0123456789abcdef0123');
    expect(BlacklistChanged.topic).toBe('supplyhub.catalog.blacklist.v1');
    expect(() => createEvent(BlacklistChanged, data, { source: '/catalog-sync', tenantId: 'mall-1' })).toThrow();
    expect(() => createEvent(BlacklistChanged, { ...data, target: { kind: 'colour', value: 'red' } } as never, { source: '/catalog-sync' })).toThrow();
    expect(() => createEvent(BlacklistChanged, { ...data, change: 'paused' } as never, { source: '/catalog-sync' })).toThrow();
  });
});
