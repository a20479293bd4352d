import { DEFAULT_POINTS_BAND_POLICY, type SelectionPool, type SelectionPoolDefinition, type SelectionPoolStore } from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import { SaveSelectionPool } from './save-selection-pool.use-case';

class MemoryPoolStore implements SelectionPoolStore {
  readonly pools = new Map<string, SelectionPool>();
  readonly events: SerializedEvent[] = [];
  async get(mallId: string) {
    return this.pools.get(mallId) ?? null;
  }
  async all() {
    return [...this.pools.values()];
  }
  async save(mallId: string, definition: SelectionPoolDefinition, by: string, at: Date, eventsOf: (after: SelectionPool) => readonly SerializedEvent[]) {
    const before = this.pools.get(mallId) ?? null;
    const after = { mallId, ...definition, updatedBy: by, updatedAt: at, version: (before?.version ?? 0) + 1 };
    this.pools.set(mallId, after);
    this.events.push(...eventsOf(after));
    return { before, after };
  }
}

describe('SaveSelectionPool', () => {
  const catalog = new Set(['sku-1', 'sku-2', 'sku-3']);
  const setup = () => {
    const store = new MemoryPoolStore();
    const save = new SaveSelectionPool(store, async (ids) => new Set(ids.filter((id) => catalog.has(id))), DEFAULT_POINTS_BAND_POLICY, () => new Date('2026-11-20T00:00:00Z'));
    return { store, save };
  };

  it('starts from the template’s filters; explicit filters replace them', async () => {
    const { save } = setup();
    const first = await save.execute('mall-a', { template: 'retail' }, 'curator-wang');
    expect(first.before).toBeNull();
    expect(first.after).toMatchObject({ mallId: 'mall-a', template: 'retail', filters: { families: ['physical', 'coupon'], bands: ['low', 'mid'] }, version: 1, updatedBy: 'curator-wang' });
    const second = await save.execute('mall-a', { filters: { brands: ['美的', '美的'], families: [] }, includes: ['sku-1'] }, 'curator-li');
    expect(second.before?.version).toBe(1);
    // The template stays what the pool started from; the filters are the ones given, empty lists left out.
    expect(second.after).toMatchObject({ template: 'retail', filters: { brands: ['美的'] }, includes: ['sku-1'], excludes: [], version: 2 });
  });

  it('announces each saved version with its terms, the bands resolved to contract-price ranges', async () => {
    const { save, store } = setup();
    await save.execute('mall-a', { filters: { families: ['physical'], bands: ['mid'], maxPriceFen: 10_000 }, excludes: ['sku-2'] }, 'curator-wang');
    expect(store.events).toHaveLength(1);
    const event = JSON.parse(store.events[0]!.value) as { tenantid: string; data: unknown };
    expect(store.events[0]).toMatchObject({ type: 'supplyhub.catalog.selection-pool-changed.v1', key: 'mall-a' });
    expect(event.tenantid).toBe('mall-a');
    // 10 points per yuan, rounded up: mid (500–1,999 points) is 4,991–19,981 fen; the pool's bound cuts it at 10,000.
    expect(event.data).toEqual({ mallId: 'mall-a', version: 1, families: ['physical'], priceRangesFen: [[4_991, 10_000]], includes: [], excludes: ['sku-2'], updatedBy: 'curator-wang', at: '2026-11-20T00:00:00.000Z' });
  });

  it('refuses unknown SKUs, a SKU both in and out, and inverted prices, naming each field, and writes nothing', async () => {
    const { save, store } = setup();
    const refused = await save
      .execute('mall-a', { filters: { minPriceFen: 500, maxPriceFen: 100 }, includes: ['sku-1', 'sku-9'], excludes: ['sku-2', 'sku-1'] }, 'curator-wang')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { path: 'filters.minPriceFen', message: 'must not be above maxPriceFen' },
      { path: 'excludes.1', message: 'sku-1 is in includes too: a SKU is either always in or never in' },
      { path: 'includes.1', message: 'unknown SKU sku-9: the catalog has no such SKU' },
    ]);
    expect(store.pools.size).toBe(0);
  });
});
