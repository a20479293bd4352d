import { ActiveBlacklist } from '@supply-hub/blacklist';
import { type CatalogListing, CatalogSearchIndex } from './catalog-search-index';

const listing = (skuId: string, overrides: Partial<CatalogListing> = {}): CatalogListing => ({
  skuId,
  title: `美的 电饭煲 ${skuId}`,
  brand: '美的',
  categoryFamily: 'physical',
  subcategory: '电饭煲',
  contractPriceFen: 10000,
  marketPriceFen: 15000,
  stock: 5,
  sellable: true,
  curationStatus: 'approved',
  listedAt: new Date('2026-11-01T00:00:00Z'),
  version: 1,
  ...overrides,
});

describe('CatalogSearchIndex', () => {
  let index: CatalogSearchIndex;

  beforeEach(() => {
    index = new CatalogSearchIndex({ resortMs: 0 });
    for (let i = 0; i < 30; i++) {
      index.upsert(
        listing(`sku-${String(i).padStart(2, '0')}`, {
          contractPriceFen: 1000 * (i % 10),
          subcategory: i % 2 === 0 ? '电饭煲' : '电水壶',
          brand: i % 3 === 0 ? '九阳' : '美的',
          categoryFamily: i < 25 ? 'physical' : 'virtual',
          listedAt: new Date(Date.UTC(2026, 10, 1 + i)),
          stock: i === 4 ? 0 : 5,
          sellable: i !== 7,
        }),
      );
    }
  });

  it('pages through every sellable SKU by price with cursors, each exactly once, ties by SKU id', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let prices: number[] = [];
    for (let pages = 0; pages < 10; pages++) {
      const page = index.query({ sort: 'price_asc', limit: 7, cursor });
      seen.push(...page.items.map((item) => item.skuId));
      prices = prices.concat(page.items.map((item) => item.contractPriceFen));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(29);
    expect(new Set(seen).size).toBe(29);
    expect(seen).not.toContain('sku-07');
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('pages by price descending and by newest in the same exact way', () => {
    for (const sort of ['price_desc', 'newest'] as const) {
      const first = index.query({ sort, limit: 10 });
      const second = index.query({ sort, limit: 100, cursor: first.nextCursor! });
      const all = [...first.items, ...second.items];
      expect(new Set(all.map((item) => item.skuId)).size).toBe(29);
    }
    expect(index.query({ sort: 'newest', limit: 1 }).items[0]!.skuId).toBe('sku-29');
  });

  it('filters by family, subcategory, brand, price range, stock, keyword and date', () => {
    const ids = (query: Parameters<CatalogSearchIndex['query']>[0]) => index.query(query).items.map((item) => item.skuId);
    expect(ids({ sort: 'price_asc', limit: 50, family: 'virtual' })).toHaveLength(5);
    expect(ids({ sort: 'price_asc', limit: 50, subcategory: '电水壶', brand: '九阳' }).sort()).toEqual(['sku-03', 'sku-09', 'sku-15', 'sku-21', 'sku-27']);
    expect(ids({ sort: 'price_asc', limit: 50, minPriceFen: 8000, maxPriceFen: 9000 })).toHaveLength(6);
    expect(ids({ sort: 'price_asc', limit: 50, inStock: true })).not.toContain('sku-04');
    expect(ids({ sort: 'price_asc', limit: 50, q: '九阳 SKU-1' }).sort()).toEqual(['sku-12', 'sku-15', 'sku-18']);
    expect(ids({ sort: 'price_asc', limit: 50, newSince: new Date(Date.UTC(2026, 10, 28)) }).sort()).toEqual(['sku-27', 'sku-28', 'sku-29']);
    expect(ids({ sort: 'price_asc', limit: 50, visible: (listing) => listing.skuId.endsWith('1') })).toEqual(['sku-01', 'sku-11', 'sku-21']);
  });

  it('selects every sellable SKU the filters match, unpaged, by the same rules as a query', () => {
    const selected = [...index.select({ family: 'physical', visible: (listing) => listing.brand === '九阳' })].map((item) => item.skuId).sort();
    expect(selected).toEqual(['sku-00', 'sku-03', 'sku-06', 'sku-09', 'sku-12', 'sku-15', 'sku-18', 'sku-21', 'sku-24']);
    expect([...index.select()]).toHaveLength(29);
  });

  it('keeps the newest version and forgets nothing when an old event arrives late', () => {
    expect(index.upsert(listing('sku-00', { version: 3, contractPriceFen: 99900 }))).toBe(true);
    expect(index.upsert(listing('sku-00', { version: 2, contractPriceFen: 1 }))).toBe(false);
    expect(index.get('sku-00')?.contractPriceFen).toBe(99900);
    index.markUnsellable('sku-00', 4);
    expect(index.query({ sort: 'price_desc', limit: 1 }).items[0]!.skuId).not.toBe('sku-00');
  });

  it('hides SKUs an active blacklist entry names, at once, and shows them again when it ends', () => {
    const blacklist = new ActiveBlacklist();
    const ids = () => index.query({ sort: 'price_asc', limit: 50, blacklist }).items.map((item) => item.skuId);
    index.upsert(listing('sku-jd', { title: 'Ｓｕｐｅｒ 破壁机', brand: '奥克斯', supplierSourceId: 'jd', version: 1 }));
    expect(ids()).toHaveLength(30);
    blacklist.add({ entryId: 'bl_1', target: { kind: 'brand', value: '九阳' }, reason: '抽检不合格' });
    expect(ids()).toHaveLength(20);
    expect(ids().some((skuId) => ['sku-00', 'sku-03', 'sku-27'].includes(skuId))).toBe(false);
    blacklist.add({ entryId: 'bl_2', target: { kind: 'keyword', value: 'super破壁' }, reason: '虚假宣传' });
    blacklist.add({ entryId: 'bl_3', target: { kind: 'category', value: '虚拟' }, reason: '暂停' });
    expect(ids()).not.toContain('sku-jd');
    expect(ids().some((skuId) => ['sku-26', 'sku-28', 'sku-29'].includes(skuId))).toBe(false);
    blacklist.end('bl_2');
    blacklist.add({ entryId: 'bl_4', target: { kind: 'supplier', value: 'JD' }, reason: '假货' });
    expect(ids()).not.toContain('sku-jd');
    blacklist.end('bl_4');
    expect(ids()).toContain('sku-jd');
    blacklist.end('bl_1');
    blacklist.end('bl_3');
    expect(ids()).toHaveLength(30);
    // A delisted SKU keeps what it is matched by.
    blacklist.add({ entryId: 'bl_5', target: { kind: 'sku', value: 'sku-jd' }, reason: 'x' });
    index.markUnsellable('sku-jd', 2);
    expect(index.get('sku-jd')).not.toHaveProperty('blacklistSubject');
  });

  it('refuses a cursor of another sort order or a forged one', () => {
    const cursor = index.query({ sort: 'price_asc', limit: 3 }).nextCursor!;
    expect(() => index.query({ sort: 'newest', limit: 3, cursor })).toThrow('the cursor belongs to sort=price_asc, not sort=newest');
    expect(() => index.query({ sort: 'newest', limit: 3, cursor: 'bm9wZQ' })).toThrow('the cursor is not one this API issued');
  });

  describe('select (staff bulk decisions)', () => {
    beforeEach(() => {
      index = new CatalogSearchIndex({ resortMs: 0 });
      index.upsert(listing('a1', { brand: '美的', supplierSourceId: 'jd', curationStatus: 'pending', sellable: false, contractPriceFen: 5_000 }));
      index.upsert(listing('a2', { brand: '美的', supplierSourceId: 'taobao', curationStatus: 'pending', sellable: false, contractPriceFen: 20_000 }));
      index.upsert(listing('a3', { brand: '九阳', supplierSourceId: 'jd', curationStatus: 'approved', contractPriceFen: 8_000 }));
      index.upsert(listing('a4', { brand: '美的', supplierSourceId: 'jd', categoryFamily: 'coupon', curationStatus: 'approved', contractPriceFen: 9_000 }));
    });

    it('matches every criterion given, sellable or not, in SKU id order', () => {
      expect(index.selectKnown({ brands: ['美的'] }).map((sku) => sku.skuId)).toEqual(['a1', 'a2', 'a4']);
      expect(index.selectKnown({ brands: ['美的'], suppliers: ['jd'] }).map((sku) => sku.skuId)).toEqual(['a1', 'a4']);
      expect(index.selectKnown({ statuses: ['pending'], maxPriceFen: 10_000 }).map((sku) => sku.skuId)).toEqual(['a1']);
      expect(index.selectKnown({ families: ['physical'], minPriceFen: 6_000 }).map((sku) => sku.skuId)).toEqual(['a2', 'a3']);
      expect(index.selectKnown({ brands: ['格力'] })).toEqual([]);
    });

    it('follows a delisting that carries staff’s decision', () => {
      index.markUnsellable('a4', 2, 'suspended');
      expect(index.selectKnown({ statuses: ['suspended'] }).map((sku) => sku.skuId)).toEqual(['a4']);
      index.markUnsellable('a3', 2);
      expect(index.get('a3')?.curationStatus).toBe('approved');
    });
  });
});
