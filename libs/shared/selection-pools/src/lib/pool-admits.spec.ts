import { type PoolSku, poolAdmits, priceRangesOf, type SelectionPoolTerms } from './pool-admits';
import { ActiveSelectionPools } from './active-selection-pools';

const terms = (overrides: Partial<SelectionPoolTerms>): SelectionPoolTerms => ({ mallId: 'mall-a', version: 1, includes: [], excludes: [], ...overrides });
const sku = (overrides: Partial<PoolSku> = {}): PoolSku => ({
  skuId: 'sku-1',
  categoryFamily: 'physical',
  subcategory: '小家电',
  brand: '美的',
  contractPriceFen: 10_000,
  ...overrides,
});

describe('poolAdmits', () => {
  it('admits every SKU when no filter is given', () => {
    expect(poolAdmits(terms({}), sku())).toBe(true);
  });

  it('requires every given filter, any value of each list; a SKU without the field misses that filter', () => {
    const pool = terms({ families: ['physical', 'coupon'], subcategories: ['小家电'], brands: ['美的', '九阳'] });
    expect(poolAdmits(pool, sku())).toBe(true);
    expect(poolAdmits(pool, sku({ categoryFamily: 'virtual' }))).toBe(false);
    expect(poolAdmits(pool, sku({ brand: '苏泊尔' }))).toBe(false);
    expect(poolAdmits(pool, sku({ brand: undefined }))).toBe(false);
    expect(poolAdmits(pool, sku({ subcategory: '厨具' }))).toBe(false);
  });

  it('treats price ranges (bands resolved) as alternatives, inclusive, null max open', () => {
    const pool = terms({
      priceRangesFen: [
        [0, 4_999],
        [20_000, null],
      ],
    });
    expect(poolAdmits(pool, sku({ contractPriceFen: 4_999 }))).toBe(true);
    expect(poolAdmits(pool, sku({ contractPriceFen: 5_000 }))).toBe(false);
    expect(poolAdmits(pool, sku({ contractPriceFen: 20_000 }))).toBe(true);
    expect(poolAdmits(pool, sku({ contractPriceFen: 9_000_000 }))).toBe(true);
    // Bands that the price bound leaves nothing of admit no price at all.
    expect(poolAdmits(terms({ priceRangesFen: [] }), sku())).toBe(false);
  });

  it('admits includes whatever the filters say; excludes win over filters and includes', () => {
    const pool = terms({ families: ['coupon'], includes: ['sku-1', 'sku-2'], excludes: ['sku-2', 'sku-3'] });
    expect(poolAdmits(pool, sku({ skuId: 'sku-1' }))).toBe(true);
    expect(poolAdmits(pool, sku({ skuId: 'sku-2' }))).toBe(false);
    expect(poolAdmits(pool, sku({ skuId: 'sku-3', categoryFamily: 'coupon' }))).toBe(false);
    expect(poolAdmits(pool, sku({ skuId: 'sku-4', categoryFamily: 'coupon' }))).toBe(true);
  });
});

describe('priceRangesOf', () => {
  it('intersects the price bound with each band, dropping bands outside it', () => {
    expect(priceRangesOf({})).toBeUndefined();
    expect(priceRangesOf({ minFen: 100 })).toEqual([[100, null]]);
    expect(
      priceRangesOf({}, [
        [0, 4_999],
        [20_000, null],
      ]),
    ).toEqual([
      [0, 4_999],
      [20_000, null],
    ]);
    expect(
      priceRangesOf({ minFen: 1_000, maxFen: 30_000 }, [
        [0, 4_999],
        [5_000, 19_999],
        [20_000, null],
      ]),
    ).toEqual([
      [1_000, 4_999],
      [5_000, 19_999],
      [20_000, 30_000],
    ]);
    expect(priceRangesOf({ maxFen: 3_000 }, [[20_000, null]])).toEqual([]);
  });
});

describe('ActiveSelectionPools', () => {
  it('keeps the newest version per mall; a mall without a pool has no test', () => {
    const pools = new ActiveSelectionPools();
    expect(pools.apply(terms({ version: 2, families: ['coupon'] }))).toBe(true);
    expect(pools.apply(terms({ version: 1 }))).toBe(false);
    expect(pools.admissionOf('mall-a')?.(sku())).toBe(false);
    pools.apply(terms({ version: 3 }));
    expect(pools.admissionOf('mall-a')?.(sku())).toBe(true);
    expect(pools.admissionOf('mall-b')).toBeUndefined();
  });
});
