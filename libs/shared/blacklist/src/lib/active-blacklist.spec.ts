import type { BlacklistChangedData } from '@supply-hub/contracts';
import { ActiveBlacklist } from './active-blacklist';
import type { BlacklistSubject } from './match-blacklist';

const soymilk: BlacklistSubject = {
  skuId: 'sku_0123456789abcdef0123',
  brand: '九阳',
  categoryFamily: 'physical',
  subcategory: '豆浆机',
  title: '九阳豆浆机 DJ13B 破壁免滤',
  supplierSourceIds: ['jd'],
};
const snacks: BlacklistSubject = {
  skuId: 'sku_ffffffffffffffffffff',
  brand: '三只松鼠',
  categoryFamily: 'physical',
  subcategory: '坚果',
  title: '三只松鼠 每日坚果 750g',
  supplierSourceIds: ['brand-three-squirrels'],
};

const now = new Date('2025-06-01T08:00:00Z');
const added = (entryId: string, target: BlacklistChangedData['target'], extra: Partial<BlacklistChangedData> = {}): BlacklistChangedData => ({
  entryId,
  change: 'added',
  target,
  reason: '抽检不合格',
  author: 'quality-1',
  at: now.toISOString(),
  ...extra,
});

describe('ActiveBlacklist', () => {
  it('answers nothing while it is empty', () => {
    expect(new ActiveBlacklist().firstMatch(soymilk, now)).toBeUndefined();
  });

  it('finds the entry that names a SKU, by each kind', () => {
    const list = new ActiveBlacklist();
    list.apply(added('bl_brand', { kind: 'brand', value: 'ＭＩＤＥＡ' }));
    list.apply(added('bl_kw', { kind: 'keyword', value: '破壁 免滤' }, { reason: '虚假宣传' }));
    expect(list.firstMatch(soymilk, now)).toMatchObject({ entryId: 'bl_kw', reason: '虚假宣传' });
    expect(list.firstMatch(snacks, now)).toBeUndefined();
    list.apply(added('bl_sup', { kind: 'supplier', value: 'brand-three-squirrels' }));
    expect(list.firstMatch(snacks, now)?.entryId).toBe('bl_sup');
    list.apply(added('bl_sku', { kind: 'sku', value: soymilk.skuId }));
    // Exact entries are looked at before keywords.
    expect(list.firstMatch(soymilk, now)?.entryId).toBe('bl_sku');
  });

  it('stops applying a removed or expired entry, and never brings it back', () => {
    const list = new ActiveBlacklist();
    const entry = added('bl_1', { kind: 'category', value: '坚果' });
    list.apply(entry);
    expect(list.firstMatch(snacks, now)?.entryId).toBe('bl_1');
    list.apply({ ...entry, change: 'removed', reason: '复检合格', author: 'quality-2' });
    expect(list.firstMatch(snacks, now)).toBeUndefined();
    // A redelivered `added`, or a store snapshot read before the removal.
    list.apply(entry);
    list.load({ entryId: 'bl_1', target: entry.target, reason: entry.reason }, 'active');
    expect(list.firstMatch(snacks, now)).toBeUndefined();
    expect(list.size).toBe(0);
  });

  it('applies events in any order: the end seen first wins over a late add', () => {
    const list = new ActiveBlacklist();
    list.apply({ ...added('bl_2', { kind: 'brand', value: '九阳' }), change: 'expired', author: 'system:blacklist-expiry' });
    list.apply(added('bl_2', { kind: 'brand', value: '九阳' }));
    expect(list.firstMatch(soymilk, now)).toBeUndefined();
  });

  it('stops applying an entry at its expiry, before any expired event', () => {
    const list = new ActiveBlacklist();
    list.apply(added('bl_3', { kind: 'brand', value: '九阳' }, { expiresAt: new Date(now.getTime() + 60_000).toISOString() }));
    expect(list.firstMatch(soymilk, now)?.entryId).toBe('bl_3');
    expect(list.firstMatch(soymilk, new Date(now.getTime() + 59_999))?.entryId).toBe('bl_3');
    expect(list.firstMatch(soymilk, new Date(now.getTime() + 60_000))).toBeUndefined();
    expect(list.entries(new Date(now.getTime() + 60_000))).toEqual([]);
    expect(list.entries(now).map((entry) => entry.entryId)).toEqual(['bl_3']);
  });

  it('still finds a later entry for the same value when an earlier one ran out', () => {
    const list = new ActiveBlacklist();
    list.apply(added('bl_old', { kind: 'brand', value: '九阳' }, { expiresAt: new Date(now.getTime() - 1).toISOString() }));
    list.apply(added('bl_new', { kind: 'brand', value: ' 九阳 ' }));
    expect(list.firstMatch(soymilk, now)?.entryId).toBe('bl_new');
  });

  it('ignores an entry whose value folds to nothing', () => {
    const list = new ActiveBlacklist();
    expect(list.add({ entryId: 'bl_blank', target: { kind: 'keyword', value: '\u3000' }, reason: 'x' })).toBe(false);
    expect(list.firstMatch(soymilk, now)).toBeUndefined();
  });

  it('answers 120,000 SKUs against a few hundred entries quickly', () => {
    const list = new ActiveBlacklist();
    for (let i = 0; i < 300; i++) list.apply(added(`bl_${i}`, { kind: (['brand', 'supplier', 'category', 'keyword'] as const)[i % 4], value: `值${i}` }));
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 120_000; i++) if (list.firstMatch({ ...soymilk, skuId: `sku_${i}`, title: `标题 ${i} 值${i % 1000}` }, now)) hits++;
    expect(hits).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('ActiveBlacklist.refreshFrom', () => {
  const brand = (entryId: string, value: string) => ({ entryId, target: { kind: 'brand' as const, value }, reason: 'x' });

  it('adds what the store has as active, ends what it has ended, and keeps what it has not seen yet', async () => {
    const list = new ActiveBlacklist();
    list.add(brand('bl_gone', '美的'));
    list.add(brand('bl_new', '格力'));
    const states: Record<string, 'active' | 'removed' | 'expired'> = { bl_kept: 'active', bl_gone: 'removed' };
    const held = await list.refreshFrom({
      activeEntries: async () => [brand('bl_kept', '九阳')],
      stateOf: async (entryId) => states[entryId] ?? null,
    });
    expect(held).toBe(2);
    expect(list.entryIds().sort()).toEqual(['bl_kept', 'bl_new']);
    // Ended for good: a later snapshot that still lists it does not bring it back.
    await list.refreshFrom({ activeEntries: async () => [brand('bl_gone', '美的')], stateOf: async () => null });
    expect(list.entryIds()).not.toContain('bl_gone');
  });
});
