import { ActiveBlacklist } from '@supply-hub/blacklist';
import type { BlacklistChangedData } from '@supply-hub/contracts';
import type { BlacklistCopyStore, BlacklistEntryCopy } from '@supply-hub/orders-domain';
import { RecordBlacklistChange, RefreshActiveBlacklist } from './record-blacklist-change.use-case';

/** The store's rules in memory: an `added` only inserts, an end always wins. */
class FakeCopies implements BlacklistCopyStore {
  readonly copies = new Map<string, BlacklistEntryCopy>();

  async record(change: BlacklistChangedData) {
    const existing = this.copies.get(change.entryId);
    const terms = existing?.terms ?? { entryId: change.entryId, target: change.target, reason: change.reason };
    if (change.change === 'added') {
      if (!existing) this.copies.set(change.entryId, { terms, state: 'active' });
    } else this.copies.set(change.entryId, { terms, state: change.change });
  }

  async activeCopies() {
    return [...this.copies.values()].filter((copy) => copy.state === 'active');
  }

  async get(entryId: string) {
    return this.copies.get(entryId) ?? null;
  }
}

const change = (entryId: string, kind: BlacklistChangedData['change'], value = '九阳'): BlacklistChangedData => ({
  entryId,
  change: kind,
  target: { kind: 'brand', value },
  reason: '抽检不合格',
  author: 'quality-1',
  at: '2025-06-01T08:00:00.000Z',
});
const soymilk = { skuId: 'sku-1', brand: '九阳', title: '九阳豆浆机', supplierSourceIds: [] };

describe('order-router’s blacklist', () => {
  it('applies a change to memory and to the store, any number of times, and never revives an ended entry', async () => {
    const store = new FakeCopies();
    const active = new ActiveBlacklist();
    const record = new RecordBlacklistChange(store, active);
    await record.execute(change('bl_1', 'added'));
    await record.execute(change('bl_1', 'added'));
    expect(active.firstMatch(soymilk)?.entryId).toBe('bl_1');
    expect(store.copies.get('bl_1')?.state).toBe('active');
    await record.execute(change('bl_1', 'removed'));
    await record.execute(change('bl_1', 'added'));
    expect(active.firstMatch(soymilk)).toBeUndefined();
    expect(store.copies.get('bl_1')?.state).toBe('removed');
  });

  it('loads a starting instance from the store, and ends only what the store has ended', async () => {
    const store = new FakeCopies();
    await store.record(change('bl_1', 'added'));
    await store.record(change('bl_2', 'added', '美的'));
    await store.record(change('bl_2', 'expired', '美的'));
    const active = new ActiveBlacklist();
    // Heard of by event, not yet in the store: a refresh must not drop it.
    active.add({ entryId: 'bl_3', target: { kind: 'keyword', value: '豆浆' }, reason: 'x' });
    active.add({ entryId: 'bl_2', target: { kind: 'brand', value: '美的' }, reason: 'x' });
    expect(await new RefreshActiveBlacklist(store, active).execute()).toEqual({ active: 2 });
    expect(active.entryIds().sort()).toEqual(['bl_1', 'bl_3']);
  });
});
