import type { CategoryFamily } from '@supply-hub/contracts';
import type { PointsBand } from '../points/points-band';
import { catalogMixOf, type CatalogMixSku } from './catalog-mix';
import { CATALOG_MIX_PRESET_IDS, CATALOG_MIX_PRESETS } from './catalog-mix-presets';

const skus = (counts: [CategoryFamily, PointsBand, number][]): CatalogMixSku[] =>
  counts.flatMap(([categoryFamily, band, count]) => Array.from({ length: count }, () => ({ categoryFamily, band })));

describe('catalog mix', () => {
  const catalog = skus([
    ['coupon', 'low', 3],
    ['virtual', 'low', 2],
    ['virtual', 'mid', 1],
    ['physical', 'high', 2],
    ['physical', 'mid', 2],
  ]);

  it('counts each family and band, with its share and its gap to the generic 4:3:2:1', () => {
    const mix = catalogMixOf(catalog, CATALOG_MIX_PRESETS.generic);
    expect(mix.total).toBe(10);
    expect(mix.families).toEqual([
      { key: 'physical', count: 4, share: 0.4, targetShare: 0.2, gap: 0.2 },
      { key: 'virtual', count: 3, share: 0.3, targetShare: 0.3, gap: 0 },
      { key: 'service', count: 0, share: 0, targetShare: 0.1, gap: -0.1 },
      { key: 'coupon', count: 3, share: 0.3, targetShare: 0.4, gap: -0.1 },
    ]);
    // The generic preset sets no band targets: counted and shared, no gap.
    expect(mix.bands).toEqual([
      { key: 'low', count: 5, share: 0.5, targetShare: null, gap: null },
      { key: 'mid', count: 3, share: 0.3, targetShare: null, gap: null },
      { key: 'high', count: 2, share: 0.2, targetShare: null, gap: null },
    ]);
  });

  it('reads the 60/30/10 rule as the low, mid and high bands', () => {
    const mix = catalogMixOf(catalog, CATALOG_MIX_PRESETS['everyday-quality-scarce']);
    expect(mix.bands.map((row) => [row.key, row.targetShare, row.gap])).toEqual([
      ['low', 0.6, -0.1],
      ['mid', 0.3, 0],
      ['high', 0.1, 0.1],
    ]);
    expect(mix.families.every((row) => row.targetShare === null)).toBe(true);
  });

  it('rounds shares to four decimals and shows an empty catalog as all zero', () => {
    const thirds = catalogMixOf(skus([['coupon', 'low', 1], ['virtual', 'low', 2]]), CATALOG_MIX_PRESETS.internet);
    expect(thirds.families.find((row) => row.key === 'coupon')).toEqual({ key: 'coupon', count: 1, share: 0.3333, targetShare: 0.35, gap: -0.0167 });
    const empty = catalogMixOf([], CATALOG_MIX_PRESETS.finance);
    expect(empty.total).toBe(0);
    expect(empty.families.map((row) => [row.count, row.share, row.gap])).toEqual([
      [0, 0, -0.4],
      [0, 0, -0.2],
      [0, 0, -0.15],
      [0, 0, -0.25],
    ]);
  });

  it('has presets whose targets add up to the whole', () => {
    for (const id of CATALOG_MIX_PRESET_IDS) {
      const preset = CATALOG_MIX_PRESETS[id];
      expect(preset.id).toBe(id);
      const mix = catalogMixOf(catalog, preset);
      for (const rows of [mix.families, mix.bands]) {
        const targets = rows.map((row) => row.targetShare);
        if (targets.every((target) => target === null)) continue;
        expect(targets.reduce((sum: number, target) => sum + target!, 0)).toBeCloseTo(1, 3);
      }
    }
  });
});
