import { DEFAULT_POINTS_BAND_POLICY } from '../points/points-band';
import { INDUSTRY_TEMPLATE_IDS, INDUSTRY_TEMPLATES, industryTemplate } from './industry-templates';
import { type PoolCandidate, poolMembership, type SelectionPoolDefinition } from './selection-pool';

const sku = (skuId: string, fields: Partial<PoolCandidate> = {}): PoolCandidate => ({
  skuId,
  categoryFamily: 'physical',
  subcategory: '电饭煲',
  brand: '美的',
  contractPriceFen: 29_900,
  ...fields,
});

const pool = (fields: Partial<SelectionPoolDefinition> = {}): SelectionPoolDefinition => ({ template: 'generic', filters: {}, includes: [], excludes: [], ...fields });

describe('selection pool membership', () => {
  const bands = DEFAULT_POINTS_BAND_POLICY;

  it('takes every SKU when no filter is set', () => {
    const admits = poolMembership(pool(), bands);
    expect([sku('a'), sku('b', { categoryFamily: 'coupon', brand: undefined, subcategory: undefined })].map(admits)).toEqual([true, true]);
  });

  it('needs every filter given to match, any value of a list', () => {
    const admits = poolMembership(pool({ filters: { families: ['physical', 'virtual'], brands: ['美的', '苏泊尔'], minPriceFen: 10_000, maxPriceFen: 50_000 } }), bands);
    expect(admits(sku('in'))).toBe(true);
    expect(admits(sku('other-brand', { brand: '九阳' }))).toBe(false);
    expect(admits(sku('no-brand', { brand: undefined }))).toBe(false);
    expect(admits(sku('coupon', { categoryFamily: 'coupon' }))).toBe(false);
    expect(admits(sku('cheap', { contractPriceFen: 9_999 }))).toBe(false);
    expect(admits(sku('at-max', { contractPriceFen: 50_000 }))).toBe(true);
    expect(admits(sku('dear', { contractPriceFen: 50_001 }))).toBe(false);
  });

  it('matches subcategories exactly and bands by the points price', () => {
    const admits = poolMembership(pool({ filters: { subcategories: ['电饭煲'], bands: ['mid'] } }), bands);
    expect(admits(sku('mid', { contractPriceFen: 10_000 }))).toBe(true); // 1,000 points
    expect(admits(sku('high', { contractPriceFen: 29_900 }))).toBe(false); // 2,990 points
    expect(admits(sku('low', { contractPriceFen: 4_000 }))).toBe(false); // 400 points
    expect(admits(sku('kettle', { subcategory: '电水壶', contractPriceFen: 10_000 }))).toBe(false);
  });

  it('treats an empty list as no filter, not as “nothing”', () => {
    expect(poolMembership(pool({ filters: { families: [], brands: [] } }), bands)(sku('a'))).toBe(true);
  });

  it('takes included SKUs whatever the filters, and excludes win over both', () => {
    const admits = poolMembership(pool({ filters: { families: ['coupon'] }, includes: ['kept', 'both'], excludes: ['both', 'dropped'] }), bands);
    expect(admits(sku('kept'))).toBe(true);
    expect(admits(sku('both'))).toBe(false);
    expect(admits(sku('dropped', { categoryFamily: 'coupon' }))).toBe(false);
    expect(admits(sku('coupon', { categoryFamily: 'coupon' }))).toBe(true);
    expect(admits(sku('physical'))).toBe(false);
  });
});

describe('industry templates', () => {
  const bands = DEFAULT_POINTS_BAND_POLICY;
  const catalog = [
    sku('fridge', { contractPriceFen: 299_900 }),
    sku('towel', { subcategory: '毛巾', contractPriceFen: 2_900 }),
    sku('coffee', { categoryFamily: 'coupon', contractPriceFen: 3_000 }),
    sku('video', { categoryFamily: 'virtual', contractPriceFen: 15_000 }),
    sku('checkup', { categoryFamily: 'service', contractPriceFen: 59_900 }),
  ];
  const members = (id: (typeof INDUSTRY_TEMPLATE_IDS)[number]) => catalog.filter(poolMembership(pool({ template: id, filters: industryTemplate(id).filters }), bands)).map((item) => item.skuId);

  it('are data: one per industry, each naming itself', () => {
    expect(Object.keys(INDUSTRY_TEMPLATES)).toEqual([...INDUSTRY_TEMPLATE_IDS]);
    for (const id of INDUSTRY_TEMPLATE_IDS) expect(INDUSTRY_TEMPLATES[id].id).toBe(id);
  });

  it('start a pool from their preset: generic everything, finance the dearer goods, retail goods and coupons, internet nothing to ship', () => {
    expect(members('generic')).toEqual(['fridge', 'towel', 'coffee', 'video', 'checkup']);
    expect(members('finance')).toEqual(['fridge', 'video', 'checkup']);
    expect(members('retail')).toEqual(['towel', 'coffee']);
    expect(members('internet')).toEqual(['coffee', 'video']);
  });
});
