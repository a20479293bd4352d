import type { CurationActionDocument, CurationOutcome, PendingQualificationAction, QualificationScanDocument, QualificationSuspensionDocument } from '@supply-hub/catalog-data-access';
import { type EventBatch, newQualification, type Qualification, type QualificationInput, type StoredProduct, withCuration } from '@supply-hub/catalog-domain';
import { CurateProducts } from '../curation/curate-products.use-case';
import { EnforceQualifications } from './enforce-qualifications.use-case';

const now = new Date('2026-10-10T04:00:00Z');

function product(skuId: string, brand: string, sources: string[]): StoredProduct {
  const offers = sources.map((sourceId) => ({
    offerId: `${sourceId}:${skuId}`,
    sourceId,
    externalId: skuId,
    supplyPriceFen: 18_000,
    marketPriceFen: 29_900,
    stock: 5,
    status: 'listed' as const,
    qualityScore: 50,
    dispatchSlaHours: 48,
  }));
  return {
    state: {
      skuId,
      matchKey: skuId,
      title: `${brand} ${skuId}`,
      brand,
      categoryFamily: 'physical',
      subcategory: '电饭煲',
      specs: [],
      images: [],
      contractPriceFen: offers[0]!.supplyPriceFen,
      marketPriceFen: offers[0]!.marketPriceFen,
      supplyPriceFen: offers[0]!.supplyPriceFen,
      stock: offers[0]!.stock,
      sellable: true,
      bestOfferId: offers[0]!.offerId,
      offers,
      delistedReason: null,
    },
    version: 1,
    contentHash: skuId,
    lastPageKey: 'sync:1',
    createdAt: now,
    updatedAt: now,
  };
}

class FakeCatalog {
  readonly products = new Map<string, StoredProduct>();
  readonly batches: EventBatch[] = [];
  scans = 0;
  async readProducts(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.products.has(id) ? [[id, structuredClone(this.products.get(id)!)] as const] : [])));
  }
  async replaceProduct(next: StoredProduct, expected: number) {
    if (this.products.get(next.state.skuId)?.version !== expected) return false;
    this.products.set(next.state.skuId, next);
    return true;
  }
  async saveEventBatch(batch: EventBatch) {
    this.batches.push(batch);
  }
  async *scanProducts() {
    this.scans++;
    for (const stored of this.products.values()) yield structuredClone(stored.state);
  }
  statusOf(skuId: string) {
    return this.products.get(skuId)!.state.curation?.status ?? 'approved';
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
  async unfinished() {
    return [];
  }
}

class FakeQualificationStore {
  qualifications: Qualification[] = [];
  readonly suspensions = new Map<string, QualificationSuspensionDocument>();
  scan: QualificationScanDocument | null = null;
  async all() {
    return this.qualifications;
  }
  async allSuspensions() {
    return [...this.suspensions.values()].map((record) => structuredClone(record));
  }
  async suspension(id: string) {
    const record = this.suspensions.get(id);
    return record ? structuredClone(record) : null;
  }
  async saveSuspension(next: QualificationSuspensionDocument, expected: { round: number; pendingActionId: string | undefined } | null) {
    const current = this.suspensions.get(next._id);
    if (expected === null ? current !== undefined : current?.round !== expected.round || current.pending?.actionId !== expected.pendingActionId) return false;
    this.suspensions.set(next._id, structuredClone(next));
    return true;
  }
  async lastScan() {
    return this.scan;
  }
  async saveScan(lapses: readonly string[], at: Date) {
    this.scan = { _id: 'products-scan', lapses: [...lapses], at };
  }
}

const qualification = (input: Partial<QualificationInput> & Pick<QualificationInput, 'supplierId' | 'kind' | 'validUntil'>) =>
  newQualification({ validFrom: '2020-01-01', ...input }, 'quality-zhao', now);
const licence = (supplierId: string, validUntil = '2099-12-31') => qualification({ supplierId, kind: 'business-licence', validUntil });
const authorisation = (supplierId: string, brand: string, validUntil: string, validFrom = '2020-01-01') => qualification({ supplierId, kind: 'brand-authorisation', brand, validFrom, validUntil });

function setUp() {
  const catalog = new FakeCatalog();
  const store = new FakeQualificationStore();
  const audited: [PendingQualificationAction, readonly string[]][] = [];
  let failAudit = false;
  const enforce = new EnforceQualifications(
    store,
    catalog,
    new CurateProducts(catalog, new FakeActions()),
    async (action, applied) => {
      if (failAudit) {
        failAudit = false;
        throw new Error('the audit log is down');
      }
      audited.push([action, applied]);
    },
    { now: () => now, rescanAfterMs: 86_400_000 },
  );
  return { catalog, store, audited, enforce, failNextAudit: () => (failAudit = true) };
}

describe('EnforceQualifications', () => {
  it('suspends the supplier’s SKUs of the lapsed brand only, once, and reinstates exactly them, leaving staff’s decisions alone', async () => {
    const { catalog, store, audited, enforce } = setUp();
    for (const stored of [product('a', '美的', ['jd']), product('b', '美的', ['jd']), product('c', '格力', ['jd']), product('d', '美的', ['taobao']), product('e', '美的', ['jd'])]) catalog.products.set(stored.state.skuId, stored);
    const e = catalog.products.get('e')!;
    catalog.products.set('e', { ...e, state: withCuration(e.state, { status: 'suspended', reason: '抽检不合格', by: 'curator-wang', at: now.toISOString() }) });
    store.qualifications = [licence('jd'), licence('taobao'), authorisation('jd', '美的', '2026-09-30'), authorisation('taobao', '美的', '2099-12-31')];

    expect(await enforce.sweep()).toMatchObject({ suspended: ['a', 'b'], restored: [], scannedProducts: true });
    expect(catalog.products.get('a')!.state.curation).toMatchObject({ status: 'suspended', by: 'system:qualifications', reason: "supplier jd's brand authorisation for 美的 expired on 2026-10-01" });
    expect(['c', 'd'].map((skuId) => catalog.statusOf(skuId))).toEqual(['approved', 'approved']);
    expect(await enforce.sweep()).toMatchObject({ suspended: [], scannedProducts: false });
    expect(catalog.scans).toBe(1);

    // Staff reinstate `b` themselves while the lapse lasts, then suspend it for a reason of their own.
    const b = catalog.products.get('b')!;
    catalog.products.set('b', { ...b, version: b.version + 1, state: withCuration(b.state, { status: 'suspended', reason: '复检', by: 'curator-wang', at: now.toISOString() }) });
    store.qualifications.push(authorisation('jd', '美的', '2027-09-30', '2026-10-10'));
    expect(await enforce.restore()).toEqual(['a']);
    expect(['a', 'b', 'e'].map((skuId) => catalog.statusOf(skuId))).toEqual(['approved', 'suspended', 'suspended']);
    expect(store.suspensions.get('jd|美的')).toMatchObject({ state: 'restored', skuIds: [] });
    expect(audited.map(([action, applied]) => [action.action, applied])).toEqual([
      ['suspend', ['a', 'b']],
      ['reinstate', ['a']],
    ]);
  });

  it('hands a SKU on to another supplier’s lapse that still holds it, and gives it back when that one ends too', async () => {
    const { catalog, store, enforce } = setUp();
    catalog.products.set('a', product('a', '美的', ['jd', 'taobao']));
    store.qualifications = [licence('jd'), licence('taobao', '2026-10-01'), authorisation('jd', '美的', '2026-09-30'), authorisation('taobao', '美的', '2099-12-31')];
    expect((await enforce.sweep()).suspended).toEqual(['a']);

    store.qualifications.push(authorisation('jd', '美的', '2027-09-30', '2026-10-01'));
    expect(await enforce.restore()).toEqual([]);
    expect(catalog.statusOf('a')).toBe('suspended');
    expect(store.suspensions.get('taobao|美的')).toMatchObject({ state: 'suspended', skuIds: ['a'], reason: "supplier taobao's business licence expired on 2026-10-02" });

    store.qualifications.push(licence('taobao', '2030-12-31'));
    expect(await enforce.restore()).toEqual(['a']);
    expect(catalog.statusOf('a')).toBe('approved');
  });

  it('finishes an action a crash interrupted, under the same action id, without deciding twice', async () => {
    const { catalog, store, audited, enforce, failNextAudit } = setUp();
    catalog.products.set('a', product('a', '美的', ['jd']));
    store.qualifications = [licence('jd'), authorisation('jd', '美的', '2026-09-30')];
    failNextAudit();
    await expect(enforce.sweep()).rejects.toThrow('the audit log is down');
    const pending = store.suspensions.get('jd|美的')!.pending!;
    expect(pending).toMatchObject({ action: 'suspend', skuIds: ['a'] });
    expect(catalog.products.get('a')!.version).toBe(2);

    await enforce.restore();
    expect(store.suspensions.get('jd|美的')).toMatchObject({ state: 'suspended', skuIds: ['a'] });
    expect(store.suspensions.get('jd|美的')!.pending).toBeUndefined();
    expect(catalog.products.get('a')!.version).toBe(2);
    expect(audited).toEqual([[pending, ['a']]]);
  });
});
