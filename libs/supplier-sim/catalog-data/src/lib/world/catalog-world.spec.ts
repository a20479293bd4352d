import { isValidEan13 } from '../barcode/ean13';
import { CatalogWorld } from './catalog-world';
import { BRAND_SOURCES } from './sources';

describe('CatalogWorld', () => {
  const world = new CatalogWorld({ seed: 42 });

  it('builds the same records from the same seed, in any order of access', () => {
    const other = new CatalogWorld({ seed: 42 });
    const sample = [5, 17_000, 53_999, 3];
    const later = sample.map((index) => other.offer('jd', index));
    expect(sample.reverse().map((index) => world.offer('jd', index))).toEqual(later.reverse());
    expect(world.offer('brand-yili', 10)).toEqual(other.offer('brand-yili', 10));
  });

  it('builds different records for different seeds and indices', () => {
    const other = new CatalogWorld({ seed: 43 });
    expect(other.offer('jd', 5).title).not.toBe(world.offer('jd', 5).title);
    const a = world.offer('taobao', 100);
    const b = world.offer('taobao', 101);
    expect(a.externalId).not.toBe(b.externalId);
    expect(a.productIndex).not.toBe(b.productIndex);
  });

  it('splits 120,000 SKUs 45 / 35 / 20 between JD, Taobao and five brands', () => {
    expect(world.count('jd')).toBe(54_000);
    expect(world.count('taobao')).toBe(42_000);
    expect(BRAND_SOURCES).toHaveLength(5);
    expect(BRAND_SOURCES.reduce((sum, source) => sum + world.count(source.id), 0)).toBe(24_000);
    for (const source of BRAND_SOURCES) {
      for (let index = 0; index < 200; index++) expect(world.offer(source.id, index).brand ?? source.brand?.brand).toBe(source.brand?.brand);
    }
  });

  it('offers about 15 % of products from more than one source, with one barcode and different titles and prices', () => {
    let multi = 0;
    const pairs = new Set<string>();
    const samples = 20_000;
    for (let n = 0; n < samples; n++) {
      const offers = world.offersOfProduct(Math.floor((n * world.productCount) / samples));
      if (offers.length < 2) continue;
      multi++;
      pairs.add(
        offers
          .map((offer) => (offer.sourceId.startsWith('brand-') ? 'brand' : offer.sourceId))
          .sort()
          .join('+'),
      );
    }
    expect(multi / samples).toBeGreaterThan(0.13);
    expect(multi / samples).toBeLessThan(0.17);
    expect([...pairs].sort()).toEqual(['brand+jd', 'brand+jd+taobao', 'brand+taobao', 'jd+taobao']);
  });

  it('lets a shared product be found from each of its offers', () => {
    let checked = 0;
    for (let index = 0; index < 2_000 && checked < 50; index++) {
      const jd = world.offer('jd', index);
      const others = world.offersOfProduct(jd.productIndex).filter((offer) => offer.sourceId !== 'jd');
      if (others.length === 0 || jd.defect) continue;
      const other = world.offer(others[0]!.sourceId, others[0]!.index);
      if (other.defect) continue;
      checked++;
      expect(other.productIndex).toBe(jd.productIndex);
      expect(other.model).toBe(jd.model);
      expect(other.barcode).toBe(jd.barcode);
      expect(other.title).not.toBe(jd.title);
      expect([other.supplyPriceFen, other.marketPriceFen]).not.toEqual([jd.supplyPriceFen, jd.marketPriceFen]);
    }
    expect(checked).toBe(50);
  });

  it('gives physical goods valid EAN-13 barcodes and the others none', () => {
    const families = new Set<string>();
    for (let index = 0; index < 5_000; index++) {
      const offer = world.offer('jd', index);
      families.add(offer.familyName);
      if (offer.family === 'physical') {
        if (offer.defect !== 'bad-barcode') expect(isValidEan13(offer.barcode ?? '')).toBe(true);
        else expect(isValidEan13(offer.barcode ?? '')).toBe(false);
      } else {
        expect(offer.barcode).toBeNull();
      }
    }
    expect([...families].sort()).toEqual(['优惠券', '实物', '服务', '虚拟'].sort());
  });

  it('prices in fen with supply below the market reference, except for broken records', () => {
    for (let index = 0; index < 5_000; index++) {
      const offer = world.offer('taobao', index);
      if (offer.defect) continue;
      expect(Number.isInteger(offer.supplyPriceFen)).toBe(true);
      expect(offer.supplyPriceFen).toBeGreaterThan(0);
      expect(offer.supplyPriceFen).toBeLessThan(offer.marketPriceFen);
      expect(offer.title).toBeTruthy();
      expect(offer.images.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('breaks about 0.3 % of records, the same ones for the same seed, none when the knob is 0', () => {
    const broken = (w: CatalogWorld) => Array.from({ length: 40_000 }, (_, index) => w.offer('jd', index)).filter((offer) => offer.defect !== null);
    const defects = broken(world);
    expect(defects.length).toBeGreaterThan(40_000 * 0.002);
    expect(defects.length).toBeLessThan(40_000 * 0.004);
    expect(new Set(defects.map((offer) => offer.defect)).size).toBeGreaterThanOrEqual(5);
    expect(broken(new CatalogWorld({ seed: 42 })).map((offer) => offer.index)).toEqual(defects.map((offer) => offer.index));
    expect(broken(new CatalogWorld({ seed: 42, malformedRate: 0 }))).toEqual([]);
    const missingTitle = defects.find((offer) => offer.defect === 'missing-title');
    expect(missingTitle?.title).toBeNull();
    const negative = defects.find((offer) => offer.defect === 'negative-price');
    expect(negative?.supplyPriceFen).toBeLessThan(0);
  });

  it('maps external ids back to indices and refuses foreign ones', () => {
    for (const sourceId of ['jd', 'taobao', 'brand-midea']) {
      for (const index of [0, 1, 999, world.count(sourceId) - 1]) expect(world.indexOf(sourceId, world.externalId(sourceId, index))).toBe(index);
    }
    const jdId = Number(world.externalId('jd', 10));
    expect(world.indexOf('jd', String(jdId + 1))).toBeNull();
    expect(world.indexOf('jd', world.externalId('jd', world.count('jd')))).toBeNull();
    expect(world.indexOf('jd', 'abc')).toBeNull();
    expect(world.indexOf('taobao', world.externalId('jd', 10))).toBeNull();
  });

  it('lists base SKUs over the history window in index order', () => {
    let previous = -Infinity;
    for (let index = 0; index < world.count('taobao'); index += 97) {
      const at = world.listedAt('taobao', index);
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeGreaterThanOrEqual(world.historyStartMs);
      expect(at).toBeLessThan(world.historyEndMs);
      expect(at % 1000).toBe(0);
      previous = at;
    }
  });

  it('addresses 1,000,000 SKUs without memory proportional to the size', () => {
    const before = process.memoryUsage().heapUsed;
    const big = new CatalogWorld({ seed: 7, skus: 1_000_000 });
    const last = big.locate(999_999);
    const middle = big.locate(500_000);
    const a = big.offer(last.sourceId, last.index);
    const b = big.offer(middle.sourceId, middle.index);
    expect(a.externalId).not.toBe(b.externalId);
    expect(big.indexOf(last.sourceId, a.externalId)).toBe(last.index);
    expect(() => big.locate(1_000_000)).toThrow(RangeError);
    // One offer is ~2 KB; a materialised catalog would need gigabytes, not a few megabytes.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
  });
});
