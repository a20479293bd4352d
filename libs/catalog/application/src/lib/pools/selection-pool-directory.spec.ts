import { DEFAULT_POINTS_BAND_POLICY, type PoolCandidate, type SelectionPool } from '@supply-hub/catalog-domain';
import { SelectionPoolDirectory } from './selection-pool-directory';

const pool = (mallId: string, version: number, families: SelectionPool['filters']['families']): SelectionPool => ({
  mallId,
  template: 'generic',
  filters: { families },
  includes: [],
  excludes: [],
  updatedBy: 'curator-wang',
  updatedAt: new Date('2026-11-20T00:00:00Z'),
  version,
});

const coupon: PoolCandidate = { skuId: 'sku-c', categoryFamily: 'coupon', contractPriceFen: 1_000 };

describe('selection pool directory', () => {
  it('answers per mall; a mall without a pool has no membership test (the whole catalog)', () => {
    const directory = new SelectionPoolDirectory(DEFAULT_POINTS_BAND_POLICY);
    directory.applyAll([pool('mall-a', 1, ['coupon']), pool('mall-b', 1, ['physical'])]);
    expect(directory.membershipOf('mall-a')?.(coupon)).toBe(true);
    expect(directory.membershipOf('mall-b')?.(coupon)).toBe(false);
    expect(directory.membershipOf('mall-c')).toBeUndefined();
  });

  it('keeps the newest version: a reload older than a write does not undo it', () => {
    const directory = new SelectionPoolDirectory(DEFAULT_POINTS_BAND_POLICY);
    directory.apply(pool('mall-a', 2, ['physical']));
    directory.applyAll([pool('mall-a', 1, ['coupon'])]);
    expect(directory.poolOf('mall-a')?.version).toBe(2);
    expect(directory.membershipOf('mall-a')?.(coupon)).toBe(false);
    directory.applyAll([pool('mall-a', 3, ['coupon'])]);
    expect(directory.membershipOf('mall-a')?.(coupon)).toBe(true);
  });
});
