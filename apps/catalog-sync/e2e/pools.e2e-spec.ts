import { randomBytes } from 'node:crypto';
import { CATALOG_COLLECTIONS, type ProductDocument } from '@supply-hub/catalog-data-access';
import { type CategoryFamily, createEvent, SkuUpserted, TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { productDocument, startCatalogSync } from './catalog-fixtures';

const newSkuId = () => `sku_${randomBytes(10).toString('hex')}`;

/**
 * Selection pools (选品池) through catalog-sync's API on the real Kafka and FerretDB: a mall with a pool
 * sees only its pool in the catalog list and detail, a SKU added later that matches its filters joins
 * it, excludes win, only curation's staff set pools (audited), and the reports count what malls see.
 * The brands are this run's own, so SKU events other tests publish on the shared topic change nothing here.
 */
describe('selection pools in catalog-sync', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-pools'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  const publisher = new KafkaEventPublisher(kafka);
  const brandA = uniqueName('BrandA');
  const brandB = uniqueName('BrandB');
  const mallA = uniqueName('mall-a');
  const mallB = uniqueName('mall-b');
  // Points at the default 10 per yuan: low < 500 ≤ mid < 2,000 ≤ high.
  const sku = {
    rice: newSkuId(), // brand A, physical, ¥299 → 2,990 points, high
    coffee: newSkuId(), // brand A, coupon, ¥30 → 300, low
    video: newSkuId(), // brand A, virtual, ¥100 → 1,000, mid
    tea: newSkuId(), // brand A, coupon, ¥40 → 400, low; excluded from A's pool
    kettle: newSkuId(), // brand B, physical, ¥50 → 500, mid
    checkup: newSkuId(), // brand B, service, ¥500 → 5,000, high; included in A's pool
    later: newSkuId(), // brand A, coupon, ¥20: enters the catalog during the test
  };
  const product = (skuId: string, brand: string, categoryFamily: CategoryFamily, contractPriceFen: number): ProductDocument => {
    const document = productDocument(skuId, { title: `${brand} ${categoryFamily} ${contractPriceFen}`, brand, subcategory: `${categoryFamily}-sub`, sourceId: 'jd' });
    return { ...document, state: { ...document.state, categoryFamily, contractPriceFen, marketPriceFen: contractPriceFen * 2 } };
  };
  let database: TestDatabase;
  let service: TestService;
  let keyA: string;
  let keyB: string;
  let curator: string;
  let poolEvents: KafkaTestCollector;

  const list = async (key: string, query: Record<string, string> = {}) =>
    ((await service.http.get('/catalog/skus').query({ limit: 100, ...query }).set('X-Api-Key', key).expect(200)).body.items as { skuId: string; pointsBand: string; pointsPrice: number }[])
      .map((item) => item.skuId)
      .filter((id) => Object.values(sku).includes(id))
      .sort();
  const names = (ids: string[]) => ids.map((id) => Object.entries(sku).find(([, value]) => value === id)![0]).sort();
  const putPool = (mallId: string, body: object, token = curator) => service.http.put(`/pools/${mallId}`).set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    database = await createTestDatabase('e2e_catalog_pools');
    await database.db
      .collection<ProductDocument>(CATALOG_COLLECTIONS.products)
      .insertMany([
        product(sku.rice, brandA, 'physical', 29_900),
        product(sku.coffee, brandA, 'coupon', 3_000),
        product(sku.video, brandA, 'virtual', 10_000),
        product(sku.tea, brandA, 'coupon', 4_000),
        product(sku.kettle, brandB, 'physical', 5_000),
        product(sku.checkup, brandB, 'service', 50_000),
      ]);
    service = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, SYNC_RESUME_ON_START: 'false', POOL_RELOAD_INTERVAL_MS: '500' }, keepDatabase: true });
    await publisher.connect();
    poolEvents = await KafkaTestCollector.start(kafka, TOPICS.selectionPools, { startAt: 'end' });
    keyA = await createTestApiKey(service, 'tenant', mallA);
    keyB = await createTestApiKey(service, 'tenant', mallB);
    curator = await testStaffToken(['curator'], 'curator-zhao');
    await waitFor(async () => (await list(keyA)).length === 6, { message: 'the catalog index to hold the six products' });
  }, 120_000);

  afterAll(async () => {
    await publisher.disconnect();
    await poolEvents?.stop();
    await service?.close();
    await database?.drop();
  });

  it('shows each SKU’s points price and band, and filters by band', async () => {
    const items = (await service.http.get('/catalog/skus').query({ brand: brandA, sort: 'price_asc' }).set('X-Api-Key', keyA).expect(200)).body.items;
    expect(items.map((item: { pointsPrice: number; pointsBand: string }) => [item.pointsPrice, item.pointsBand])).toEqual([
      [300, 'low'],
      [400, 'low'],
      [1_000, 'mid'],
      [2_990, 'high'],
    ]);
    expect(names(await list(keyA, { band: 'mid' }))).toEqual(['kettle', 'video']);
    const detail = (await service.http.get(`/catalog/skus/${sku.checkup}`).set('X-Api-Key', keyA).expect(200)).body;
    expect(detail).toMatchObject({ pointsPrice: 5_000, pointsBand: 'high' });
  });

  it('lets each mall see only its pool, in the list and in the detail; excludes win over filters; includes add', async () => {
    const savedA = await putPool(mallA, { filters: { brands: [brandA] }, includes: [sku.checkup], excludes: [sku.tea], reason: '首批上架' }).expect(200);
    expect(savedA.body).toMatchObject({ mallId: mallA, template: 'generic', filters: { brands: [brandA] }, updatedBy: 'curator-zhao', version: 1 });
    // Retail: physical and coupons in the low and mid bands, narrowed to brand B.
    await putPool(mallB, { template: 'retail', filters: { ...(await templateFilters('retail')), brands: [brandB] } }).expect(200);

    expect(names(await list(keyA))).toEqual(['checkup', 'coffee', 'rice', 'video']);
    expect(names(await list(keyB))).toEqual(['kettle']);
    await service.http.get(`/catalog/skus/${sku.tea}`).set('X-Api-Key', keyA).expect(404);
    await service.http.get(`/catalog/skus/${sku.kettle}`).set('X-Api-Key', keyA).expect(404);
    await service.http.get(`/catalog/skus/${sku.rice}`).set('X-Api-Key', keyA).expect(200);
    await service.http.get(`/catalog/skus/${sku.rice}`).set('X-Api-Key', keyB).expect(404);
    // Staff see the whole catalog.
    const staff = await testStaffToken(['operations']);
    await service.http.get(`/catalog/skus/${sku.tea}`).set('Authorization', `Bearer ${staff}`).expect(200);
    expect(
      ((await service.http.get('/catalog/skus').query({ limit: 100 }).set('Authorization', `Bearer ${staff}`).expect(200)).body.items as { skuId: string }[]).filter((item) =>
        Object.values(sku).includes(item.skuId),
      ),
    ).toHaveLength(6);

    const preview = (await service.http.get(`/pools/${mallA}/preview`).set('Authorization', `Bearer ${staff}`).expect(200)).body;
    expect(preview).toMatchObject({ mallId: mallA, count: 4, families: { physical: 1, coupon: 1, virtual: 1, service: 1 }, bands: { low: 1, mid: 1, high: 2 } });
  });

  it('takes in a SKU added to the catalog later that matches the pool’s filters', async () => {
    const added = product(sku.later, brandA, 'coupon', 2_000);
    await database.db.collection<ProductDocument>(CATALOG_COLLECTIONS.products).insertOne(added);
    const { state } = added;
    await publisher.publish(
      SkuUpserted,
      createEvent(
        SkuUpserted,
        {
          skuId: state.skuId,
          title: state.title,
          brand: brandA,
          categoryFamily: state.categoryFamily,
          subcategory: state.subcategory,
          contractPriceFen: state.contractPriceFen,
          supplyPriceFen: state.supplyPriceFen,
          marketPriceFen: state.marketPriceFen,
          stock: state.stock,
          sellable: true,
          bestOffer: { sourceId: 'jd', externalId: sku.later },
          version: 1,
        },
        { source: '/catalog-sync' },
      ),
    );
    await waitFor(async () => (await list(keyA)).includes(sku.later), { timeoutMs: 30_000, message: 'the new SKU to join mall A’s pool' });
    expect(names(await list(keyA))).toEqual(['checkup', 'coffee', 'later', 'rice', 'video']);
    expect(await list(keyB)).not.toContain(sku.later);
    await service.http.get(`/catalog/skus/${sku.later}`).set('X-Api-Key', keyA).expect(200);
  });

  it('announces each saved pool on Kafka with its terms, the bands resolved to contract-price ranges', async () => {
    const mallC = uniqueName('mall-c');
    await putPool(mallC, { filters: { families: ['physical', 'coupon'], bands: ['low', 'high'], maxPriceFen: 30_000 }, excludes: [sku.tea], reason: '银行积分商城' }).expect(200);
    const message = await poolEvents.waitFor((candidate) => candidate.key === mallC, { timeoutMs: 10_000, message: `the SelectionPoolChanged of ${mallC}` });
    const event = JSON.parse(message.value ?? '{}') as { type: string; tenantid: string; data: unknown };
    expect(event.type).toBe('supplyhub.catalog.selection-pool-changed.v1');
    expect(event.tenantid).toBe(mallC);
    // 10 points per yuan, rounded up: low is below 4,991 fen, high from 19,991 fen; the bound stops high at 30,000.
    expect(event.data).toEqual({
      mallId: mallC,
      version: 1,
      families: ['physical', 'coupon'],
      priceRangesFen: [
        [0, 4_990],
        [19_991, 30_000],
      ],
      includes: [],
      excludes: [sku.tea],
      updatedBy: 'curator-zhao',
      at: expect.any(String),
    });
  });

  it('refuses bad pools naming the field and saving nothing, and dry-runs without saving', async () => {
    const refused = await putPool(mallA, { filters: { brands: [brandA] }, includes: [sku.rice, 'sku_00000000000000000000'], excludes: [sku.rice] }).expect(400);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'excludes.0', message: `${sku.rice} is in includes too: a SKU is either always in or never in` },
        { path: 'includes.1', message: 'unknown SKU sku_00000000000000000000: the catalog has no such SKU' },
      ]),
    );
    await putPool(mallA, { template: 'banking' }).expect(400);
    const dryRun = (await service.http.post(`/pools/${mallA}/preview`).set('Authorization', `Bearer ${curator}`).send({ filters: { brands: [brandA], bands: ['low'] } }).expect(200)).body;
    // Brand A's low band: coffee, tea (no longer excluded in this draft) and the later coupon.
    expect(dryRun).toMatchObject({ count: 3, pool: { template: 'generic', filters: { brands: [brandA], bands: ['low'] }, includes: [], excludes: [] } });
    expect((await service.http.get(`/pools/${mallA}`).set('Authorization', `Bearer ${curator}`).expect(200)).body.version).toBe(1);
  });

  it('keeps pool endpoints to staff: a mall key gets 401/403, operations may read but not write', async () => {
    await service.http.get(`/pools/${mallA}`).set('X-Api-Key', keyA).expect(403);
    await service.http.put(`/pools/${mallA}`).set('X-Api-Key', keyA).send({ template: 'generic' }).expect(403);
    await service.http.get('/pools/templates').expect(401);
    const operations = await testStaffToken(['operations']);
    await service.http.get(`/pools/${mallA}`).set('Authorization', `Bearer ${operations}`).expect(200);
    await putPool(mallA, { template: 'generic' }, operations).expect(403);
    await putPool(mallA, { template: 'generic' }, await testStaffToken(['quality'])).expect(403);
    await service.http.get('/reports/mix').set('X-Api-Key', keyA).expect(403);
  });

  it('writes each pool change to the audit log with who, before, after and why', async () => {
    const admin = await testStaffToken(['admin'], 'admin-li');
    const entries = (await service.http.get('/audit').query({ entityKind: 'pool', entityId: mallA }).set('Authorization', `Bearer ${admin}`).expect(200)).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'pool.save',
      actor: { kind: 'staff', sub: 'curator-zhao' },
      before: null,
      after: { template: 'generic', filters: { brands: [brandA] }, includes: [sku.checkup], excludes: [sku.tea] },
      reason: '首批上架',
    });
  });

  it('reports the mix of a mall’s pool against a preset, and the week’s new arrivals', async () => {
    const reader = await testStaffToken(['operations']);
    // Mall A's pool now: rice (physical, high), coffee and later (coupon, low), video (virtual, mid), checkup (service, high).
    const mix = (await service.http.get('/reports/mix').query({ preset: 'generic', mallId: mallA }).set('Authorization', `Bearer ${reader}`).expect(200)).body;
    expect(mix).toMatchObject({ preset: { id: 'generic' }, mallId: mallA, poolVersion: 1, total: 5 });
    expect(mix.families).toEqual([
      { key: 'physical', count: 1, share: 0.2, targetShare: 0.2, gap: 0 },
      { key: 'virtual', count: 1, share: 0.2, targetShare: 0.3, gap: -0.1 },
      { key: 'service', count: 1, share: 0.2, targetShare: 0.1, gap: 0.1 },
      { key: 'coupon', count: 2, share: 0.4, targetShare: 0.4, gap: 0 },
    ]);
    const rule = (await service.http.get('/reports/mix').query({ preset: 'everyday-quality-scarce', mallId: mallA }).set('Authorization', `Bearer ${reader}`).expect(200)).body;
    expect(rule.bands).toEqual([
      { key: 'low', count: 2, share: 0.4, targetShare: 0.6, gap: -0.2 },
      { key: 'mid', count: 1, share: 0.2, targetShare: 0.3, gap: -0.1 },
      { key: 'high', count: 2, share: 0.4, targetShare: 0.1, gap: 0.3 },
    ]);
    await service.http.get('/reports/mix').query({ preset: 'luxury' }).set('Authorization', `Bearer ${reader}`).expect(400);

    // The fixtures were listed just now: this week's arrivals for mall B are its one SKU.
    const arrivals = (await service.http.get('/reports/new-arrivals').query({ mallId: mallB }).set('Authorization', `Bearer ${reader}`).expect(200)).body;
    expect(arrivals.total).toBe(1);
    expect(arrivals.families.find((group: { family: string }) => group.family === 'physical')).toMatchObject({ count: 1, items: [{ skuId: sku.kettle, pointsBand: 'mid' }] });
    const lastYear = (await service.http.get('/reports/new-arrivals').query({ week: '2025-W47', mallId: mallA }).set('Authorization', `Bearer ${reader}`).expect(200)).body;
    expect(lastYear).toMatchObject({ from: '2025-11-16T16:00:00.000Z', to: '2025-11-23T16:00:00.000Z', total: 0 });
    await service.http.get('/reports/new-arrivals').query({ week: '2027-W53' }).set('Authorization', `Bearer ${reader}`).expect(400);
  });

  it('brings a pool written on one instance to another within seconds', async () => {
    const second = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, SYNC_RESUME_ON_START: 'false', POOL_RELOAD_INTERVAL_MS: '500' }, keepDatabase: true });
    try {
      const listOnSecond = async () =>
        ((await second.http.get('/catalog/skus').query({ brand: brandB }).set('X-Api-Key', keyB).expect(200)).body.items as { skuId: string }[]).map((item) => item.skuId).sort();
      await waitFor(async () => (await listOnSecond()).length > 0, { timeoutMs: 30_000, message: 'the second instance to load the catalog' });
      expect(names(await listOnSecond())).toEqual(['kettle']);
      await putPool(mallB, { filters: { brands: [brandB] } }).expect(200);
      await waitFor(async () => (await listOnSecond()).length === 2, { timeoutMs: 30_000, message: 'the second instance to apply mall B’s new pool' });
      expect(names(await listOnSecond())).toEqual(['checkup', 'kettle']);
    } finally {
      await second.close();
    }
  }, 120_000);

  const templateFilters = async (id: string) =>
    ((await service.http.get('/pools/templates').set('Authorization', `Bearer ${curator}`).expect(200)).body.items as { id: string; filters: object }[]).find((template) => template.id === id)!.filters;
});
