import type { CurationActionDocument, CurationOutcome } from '@supply-hub/catalog-data-access';
import type { EventBatch, StoredProduct } from '@supply-hub/catalog-domain';
import { productState } from '@supply-hub/catalog-domain/testing';
import { CurateProducts } from './curate-products.use-case';

const at = new Date('2026-11-24T02:00:00Z');

function stored(skuId: string, overrides: Partial<StoredProduct> = {}): StoredProduct {
  return { state: productState({ skuId, matchKey: skuId }), version: 1, contentHash: 'h', lastPageKey: 'sync:1', createdAt: at, updatedAt: at, ...overrides };
}

class FakeCatalog {
  readonly products = new Map<string, StoredProduct>();
  readonly batches: EventBatch[] = [];
  /** CAS writes to lose before one succeeds (another writer was first). */
  loseNext = 0;

  async readProducts(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.products.has(id) ? [[id, structuredClone(this.products.get(id)!)] as const] : [])));
  }
  async replaceProduct(product: StoredProduct, expected: number) {
    if (this.loseNext > 0) {
      this.loseNext--;
      const current = this.products.get(product.state.skuId)!;
      this.products.set(product.state.skuId, { ...current, version: current.version + 1, lastPageKey: 'sync:2' });
      return false;
    }
    if (this.products.get(product.state.skuId)?.version !== expected) return false;
    this.products.set(product.state.skuId, product);
    return true;
  }
  async saveEventBatch(batch: EventBatch) {
    this.batches.push(batch);
  }
}

class FakeActions {
  readonly actions = new Map<string, CurationActionDocument>();
  async begin(action: Omit<CurationActionDocument, 'state' | 'outcome'>) {
    if (!this.actions.has(action._id)) this.actions.set(action._id, { ...action, state: 'running' });
    return this.actions.get(action._id)!;
  }
  async finish(id: string, outcome: CurationOutcome) {
    this.actions.set(id, { ...this.actions.get(id)!, state: 'done', outcome });
  }
  async unfinished(before: Date) {
    return [...this.actions.values()].filter((action) => action.state === 'running' && action.at < before);
  }
}

const types = (catalog: FakeCatalog) => catalog.batches.flatMap((batch) => batch.events.map((event) => JSON.parse(event.value).type as string));

describe('CurateProducts', () => {
  it('applies what it may, names what it refuses and what it does not know, and announces each change once', async () => {
    const catalog = new FakeCatalog();
    catalog.products.set('a', stored('a'));
    catalog.products.set('b', stored('b', { state: { ...stored('b').state, curation: { status: 'pending', reason: 'new', by: 'rules', at: at.toISOString() } } }));
    const outcome = await new CurateProducts(catalog, new FakeActions()).execute({ actionId: 'act-1', skuIds: ['a', 'b', 'x', 'a'], action: 'suspend', reason: '投诉率高', by: 'quality-li', at });
    expect(outcome).toEqual({ applied: ['a'], refused: [{ skuId: 'b', reason: 'a pending SKU cannot be suspended (only an approved one)' }], unknown: ['x'] });
    expect(catalog.products.get('a')).toMatchObject({ version: 2, lastPageKey: 'curation:act-1', state: { sellable: false, curation: { status: 'suspended' } } });
    expect(types(catalog)).toEqual(['supplyhub.catalog.sku-delisted.v1']);
  });

  it('decides again on a fresh read when a sync wrote the product first', async () => {
    const catalog = new FakeCatalog();
    catalog.products.set('a', stored('a'));
    catalog.loseNext = 1;
    await new CurateProducts(catalog, new FakeActions()).execute({ actionId: 'act-2', skuIds: ['a'], action: 'delist', reason: '停产', by: 'curator-wang', at });
    expect(catalog.products.get('a')).toMatchObject({ version: 3, state: { curation: { status: 'delisted' } } });
  });

  it('after a crash, carries the action out again: what it wrote is announced again under the same event id, nothing decided twice', async () => {
    const catalog = new FakeCatalog();
    catalog.products.set('a', stored('a'));
    catalog.products.set('b', stored('b'));
    const actions = new FakeActions();
    const curate = new CurateProducts(catalog, actions);
    await curate.execute({ actionId: 'act-3', skuIds: ['a'], action: 'suspend', reason: 'x', by: 'q', at });
    const firstEvent = JSON.parse(catalog.batches[0]!.events[0]!.value).id as string;
    // As if the process had died after writing `a` and before finishing: the action is running again.
    actions.actions.set('act-3', { ...actions.actions.get('act-3')!, state: 'running', skuIds: ['a', 'b'] });
    const heard: [string, string[]][] = [];
    expect(await curate.resume(new Date(at.getTime() + 60_001), async (action, outcome) => void heard.push([action._id, outcome.applied]))).toBe(1);
    expect(heard).toEqual([['act-3', ['a', 'b']]]);
    expect(catalog.products.get('a')!.version).toBe(2);
    expect(catalog.products.get('b')).toMatchObject({ version: 2, state: { curation: { status: 'suspended' } } });
    const again = catalog.batches[1]!.events.map((event) => JSON.parse(event.value) as { id: string; type: string; data: { skuId: string } });
    expect(again.find((event) => event.data.skuId === 'a')).toMatchObject({ id: firstEvent, type: 'supplyhub.catalog.sku-delisted.v1' });
    expect(actions.actions.get('act-3')).toMatchObject({ state: 'done', outcome: { applied: ['a', 'b'] } });
  });
});
