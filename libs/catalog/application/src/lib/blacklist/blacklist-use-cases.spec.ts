import { BlacklistChanged, parseEvent } from '@supply-hub/contracts';
import { ConflictError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { InMemoryBlacklistStore } from '../../testing/in-memory-blacklist-store';
import { BlacklistEntryEndedError, BlacklistOverlapError } from './blacklist-errors';
import { CreateBlacklistEntry } from './create-blacklist-entry.use-case';
import { ExpireBlacklistEntries } from './expire-blacklist-entries.use-case';
import { RemoveBlacklistEntry } from './remove-blacklist-entry.use-case';

const KNOWN_SKU = 'sku_0123456789abcdef0123';

describe('the blacklist use cases', () => {
  let store: InMemoryBlacklistStore;
  let now: Date;
  let create: CreateBlacklistEntry;
  let remove: RemoveBlacklistEntry;
  let expire: ExpireBlacklistEntries;
  const clock = () => now;
  const events = () => store.outbox.map((serialized) => parseEvent(BlacklistChanged, JSON.parse(serialized.value)));
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeEach(() => {
    store = new InMemoryBlacklistStore();
    now = new Date('2025-06-01T08:00:00Z');
    create = new CreateBlacklistEntry(store, async (skuId) => skuId === KNOWN_SKU, clock);
    remove = new RemoveBlacklistEntry(store, clock);
    expire = new ExpireBlacklistEntries(store, clock);
  });

  describe('adding', () => {
    it('stores the entry with its author and announces it, keyed by entry id, in the same write', async () => {
      const { entry, change } = await create.execute(
        { target: { kind: 'brand', value: ' 九阳 ' }, reason: '抽检不合格', evidenceUrl: 'https://qc.example.com/r/1', expiresAt: later(3_600_000) },
        'quality-li',
      );
      expect(entry).toMatchObject({
        entryId: expect.stringMatching(/^bl_[0-9a-f]{20}$/),
        target: { kind: 'brand', value: '九阳' },
        author: 'quality-li',
        state: 'active',
      });
      expect(await store.get(entry.entryId)).toEqual(entry);
      expect(store.outbox).toHaveLength(1);
      expect(store.outbox[0]).toMatchObject({ key: entry.entryId, topic: 'supplyhub.catalog.blacklist.v1' });
      expect(events()[0]!.data).toEqual({
        entryId: entry.entryId,
        change: 'added',
        target: { kind: 'brand', value: '九阳' },
        reason: '抽检不合格',
        evidenceUrl: 'https://qc.example.com/r/1',
        author: 'quality-li',
        expiresAt: '2025-06-01T09:00:00.000Z',
        at: '2025-06-01T08:00:00.000Z',
      });
      expect(change).toEqual(events()[0]!.data);
    });

    it('refuses an entry overlapping an active one: same kind, same value after folding', async () => {
      const first = await create.execute({ target: { kind: 'brand', value: 'Midea 美的' }, reason: '投诉率高' }, 'quality-li');
      const refused = create.execute({ target: { kind: 'brand', value: 'ＭＩＤＥＡ美的' }, reason: 'again' }, 'quality-wang');
      await expect(refused).rejects.toThrow(BlacklistOverlapError);
      await expect(refused).rejects.toMatchObject({ kind: 'conflict', code: 'blacklist-overlap', details: { entryId: first.entry.entryId } });
      await expect(create.execute({ target: { kind: 'category', value: '实物' }, reason: 'a' }, 'q')).resolves.toBeDefined();
      await expect(create.execute({ target: { kind: 'category', value: 'physical' }, reason: 'b' }, 'q')).rejects.toThrow(BlacklistOverlapError);
      // Another kind with the same value is another entry.
      await expect(create.execute({ target: { kind: 'keyword', value: 'Midea 美的' }, reason: 'c' }, 'q')).resolves.toBeDefined();
      expect(store.outbox).toHaveLength(3);
    });

    it('takes the value again once the earlier entry is removed or past its expiry', async () => {
      const first = await create.execute({ target: { kind: 'supplier', value: 'taobao' }, reason: '假货' }, 'q');
      await remove.execute(first.entry.entryId, '整改完成', 'q');
      const second = await create.execute({ target: { kind: 'supplier', value: 'taobao' }, reason: '复发' }, 'q');
      expect(second.entry.entryId).not.toBe(first.entry.entryId);

      await create.execute({ target: { kind: 'keyword', value: '三无' }, reason: 'x', expiresAt: later(1_000) }, 'q');
      now = later(1_000);
      // The sweep has not run yet: the entry no longer applies all the same.
      await expect(create.execute({ target: { kind: 'keyword', value: '三无' }, reason: 'y' }, 'q')).resolves.toBeDefined();
      // And the sweep's expiry of the old entry leaves the new one's claim alone.
      expect((await expire.execute()).expired).toHaveLength(1);
      await expect(create.execute({ target: { kind: 'keyword', value: '三无' }, reason: 'z' }, 'q')).rejects.toThrow(BlacklistOverlapError);
    });

    it('does not take over a claim whose entry is being written, only one its writer left long ago', async () => {
      await store.claimKey('brand:九阳', 'bl_inflight', now);
      await expect(create.execute({ target: { kind: 'brand', value: '九阳' }, reason: 'x' }, 'q')).rejects.toThrow(ConflictError);
      now = later(60_000);
      await expect(create.execute({ target: { kind: 'brand', value: '九阳' }, reason: 'x' }, 'q')).resolves.toBeDefined();
    });

    it('refuses an unknown SKU, a malformed SKU id, a past expiry and a blank value, naming each field', async () => {
      const issuesOf = async (input: Parameters<CreateBlacklistEntry['execute']>[0]) => {
        const error = await create.execute(input, 'q').then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues;
      };
      expect(await issuesOf({ target: { kind: 'sku', value: 'sku_ffffffffffffffffffff' }, reason: 'x' })).toEqual([
        { path: 'target.value', message: 'unknown SKU sku_ffffffffffffffffffff: the catalog has no such SKU' },
      ]);
      expect(await issuesOf({ target: { kind: 'sku', value: '12345' }, reason: 'x' })).toEqual([
        { path: 'target.value', message: 'must be a SKU id (sku_ and 20 hex digits)' },
      ]);
      expect(await issuesOf({ target: { kind: 'brand', value: '九阳' }, reason: 'x', expiresAt: later(-1) })).toEqual([
        { path: 'expiresAt', message: expect.stringContaining('must be in the future') },
      ]);
      expect(await issuesOf({ target: { kind: 'keyword', value: '\u3000' }, reason: 'x' })).toEqual([
        { path: 'target.value', message: 'must contain more than white space' },
      ]);
      expect(store.outbox).toHaveLength(0);
      expect(store.keys.size).toBe(0);
      await expect(create.execute({ target: { kind: 'sku', value: KNOWN_SKU }, reason: '抽检不合格' }, 'q')).resolves.toBeDefined();
    });

    it('gives the claim back when the entry cannot be written', async () => {
      store.insert = async () => {
        throw new Error('database gone');
      };
      await expect(create.execute({ target: { kind: 'brand', value: '九阳' }, reason: 'x' }, 'q')).rejects.toThrow('database gone');
      expect(store.keys.size).toBe(0);
    });
  });

  describe('removing', () => {
    it('keeps the entry, marked with who removed it and why, and announces the removal', async () => {
      const { entry } = await create.execute({ target: { kind: 'sku', value: KNOWN_SKU }, reason: '抽检不合格' }, 'quality-li');
      now = later(5_000);
      const removed = await remove.execute(entry.entryId, '复检合格', 'quality-wang');
      expect(removed.entry).toMatchObject({ state: 'removed', removedBy: 'quality-wang', removalReason: '复检合格', removedAt: now, reason: '抽检不合格' });
      expect(await store.get(entry.entryId)).toEqual(removed.entry);
      expect(events().map((event) => [event.data.change, event.data.reason, event.data.author])).toEqual([
        ['added', '抽检不合格', 'quality-li'],
        ['removed', '复检合格', 'quality-wang'],
      ]);
    });

    it('answers 404 for an unknown entry and 409 for one already removed', async () => {
      await expect(remove.execute('bl_00000000000000000000', 'x', 'q')).rejects.toThrow(NotFoundError);
      const { entry } = await create.execute({ target: { kind: 'brand', value: '九阳' }, reason: 'x' }, 'q');
      await remove.execute(entry.entryId, 'ok', 'q');
      await expect(remove.execute(entry.entryId, 'again', 'q')).rejects.toThrow(BlacklistEntryEndedError);
      expect(store.outbox).toHaveLength(2);
    });
  });

  describe('expiring', () => {
    it('marks entries past their expiry as expired, once, with an event each', async () => {
      const soon = await create.execute({ target: { kind: 'brand', value: 'a' }, reason: 'x', expiresAt: later(1_000) }, 'q');
      await create.execute({ target: { kind: 'brand', value: 'b' }, reason: 'x', expiresAt: later(10_000) }, 'q');
      await create.execute({ target: { kind: 'brand', value: 'c' }, reason: 'x' }, 'q');
      expect((await expire.execute()).expired).toEqual([]);
      now = later(1_000);
      const report = await expire.execute();
      expect(report.expired.map((change) => [change.entryId, change.change, change.author])).toEqual([
        [soon.entry.entryId, 'expired', 'system:blacklist-expiry'],
      ]);
      expect((await store.get(soon.entry.entryId))?.state).toBe('expired');
      expect((await expire.execute()).expired).toEqual([]);
      await expect(remove.execute(soon.entry.entryId, 'late', 'q')).rejects.toThrow(BlacklistEntryEndedError);
      expect(events().filter((event) => event.data.change === 'expired')).toHaveLength(1);
    });
  });
});
