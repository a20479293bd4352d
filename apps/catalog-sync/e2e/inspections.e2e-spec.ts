import { randomBytes } from 'node:crypto';
import { CATALOG_COLLECTIONS, type ProductDocument } from '@supply-hub/catalog-data-access';
import { SkuDelisted, TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { productDocument, startCatalogSync } from './catalog-fixtures';

const newSkuId = () => `sku_${randomBytes(10).toString('hex')}`;

/**
 * Sample inspections (抽检) and the elimination report (淘汰率) in catalog-sync on the real Kafka and
 * FerretDB: a failed inspection suspends its SKUs through curation (SkuDelisted with the reason, hidden
 * from malls) and lowers their scores; a passed one changes nothing but the score's counts; bad input
 * records nothing; only quality staff record; everything is audited; the report tells the causes apart.
 */
describe('sample inspections and the elimination report in catalog-sync', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-inspections'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  const brand = uniqueName('Brand品牌');
  const supplier = uniqueName('sup');
  const failing = newSkuId();
  const pending = newSkuId();
  const passing = newSkuId();
  const delisted = newSkuId();
  let database: TestDatabase;
  let service: TestService;
  let collector: KafkaTestCollector;
  let mall: string;
  let quality: string;
  let curator: string;

  const inspect = (body: object, token = quality) => service.http.post('/quality/inspections').set('Authorization', `Bearer ${token}`).send(body);
  const inspectionsOf = async (skuId: string) =>
    (await service.http.get('/quality/inspections').query({ skuId }).set('Authorization', `Bearer ${quality}`).expect(200)).body.items as { inspectionId: string; result: string }[];
  const visible = async () =>
    ((await service.http.get('/catalog/skus').query({ brand, limit: 10 }).set('X-Api-Key', mall).expect(200)).body.items as { skuId: string }[]).map((item) => item.skuId).sort();
  const scoreOf = async (kind: string, id: string) => (await service.http.get(`/quality/scores/${kind}/${id}`).set('Authorization', `Bearer ${quality}`).expect(200)).body;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_catalog_inspections');
    const product = (skuId: string, title: string) => productDocument(skuId, { title, brand, subcategory: '电饭煲', sourceId: supplier });
    const waiting = product(pending, '电饭煲 P1');
    waiting.state = { ...waiting.state, sellable: false, curation: { status: 'pending', reason: 'new SKU', by: 'rules', at: new Date().toISOString() } };
    await database.db
      .collection<ProductDocument>(CATALOG_COLLECTIONS.products)
      .insertMany([product(failing, '电饭煲 F1'), waiting, product(passing, '电饭煲 S1'), product(delisted, '电饭煲 D1')]);
    service = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, SYNC_RESUME_ON_START: 'false' }, keepDatabase: true });
    collector = await KafkaTestCollector.start(kafka, TOPICS.catalogSku, { startAt: 'end' });
    mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    quality = await testStaffToken(['quality'], 'quality-li');
    curator = await testStaffToken(['curator'], 'curator-wang');
    await waitFor(async () => (await visible()).length === 3, { message: 'the catalog index to hold the three approved products' });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await collector?.stop();
    await database?.drop();
  });

  it('suspends the SKUs of a failed batch (SkuDelisted with the reason, hidden), reports the one it cannot suspend, and lowers the scores', async () => {
    const answer = (
      await inspect({
        result: 'fail',
        skuIds: [failing, pending],
        batch: { supplierBatchNo: 'LOT-2026-11-A' },
        notes: '内胆涂层脱落',
        evidenceUrl: 'https://qc.example.com/reports/1.pdf',
        sampleSize: 5,
      }).expect(201)
    ).body;
    const reason = `sample inspection ${answer.inspectionId} failed: 内胆涂层脱落`;
    expect(answer).toMatchObject({
      inspectionId: expect.stringMatching(/^insp_[0-9a-f]{20}$/),
      result: 'fail',
      inspector: 'quality-li',
      batch: { supplierBatchNo: 'LOT-2026-11-A' },
      sampleSize: 5,
      state: 'done',
      suspended: [failing],
      notSuspended: [{ skuId: pending, reason: 'a pending SKU cannot be suspended (only an approved one)' }],
    });

    const event = await collector.waitFor(
      (message) => {
        const value = JSON.parse(message.value ?? '{}');
        return value.type === SkuDelisted.type && value.data.skuId === failing;
      },
      { timeoutMs: 30_000, message: `SkuDelisted of ${failing}` },
    );
    expect(JSON.parse(event.value!).data.reason).toBe(`suspended by curation: ${reason}`);
    await waitFor(async () => !(await visible()).includes(failing), { timeoutMs: 30_000, message: 'the catalog to hide the suspended SKU' });
    const curation = (await service.http.get(`/curation/skus/${failing}`).set('Authorization', `Bearer ${curator}`).expect(200)).body;
    expect(curation).toMatchObject({ status: 'suspended', decision: { by: 'quality-li', reason } });

    expect(await inspectionsOf(failing)).toEqual([expect.objectContaining({ inspectionId: answer.inspectionId, result: 'fail' })]);
    expect(await scoreOf('sku', failing)).toMatchObject({ inspectionsFailed: 1, inspectionsPassed: 0, score: 80 });
    expect(await scoreOf('supplier', supplier)).toMatchObject({ inspectionsFailed: 1, score: 80 });
  });

  it('suspends nothing for a passed inspection, and counts it', async () => {
    const answer = (await inspect({ result: 'pass', skuIds: [passing], notes: '外观、功能正常', sampleSize: 3 }).expect(201)).body;
    expect(answer).toMatchObject({ result: 'pass', suspended: [], notSuspended: [] });
    expect((await service.http.get(`/curation/skus/${passing}`).set('Authorization', `Bearer ${curator}`).expect(200)).body).toMatchObject({ status: 'approved', sellable: true });
    expect(await visible()).toContain(passing);
    expect(await scoreOf('sku', passing)).toMatchObject({ inspectionsPassed: 1, inspectionsFailed: 0, score: 100 });
  });

  it('refuses an unknown SKU with a 400 naming it, and records nothing', async () => {
    const unknown = newSkuId();
    const refused = await inspect({ result: 'fail', skuIds: [passing, unknown], batch: { batchId: 'B-7' }, notes: '不合格', sampleSize: 2 }).expect(400);
    expect(refused.body).toMatchObject({ detail: expect.stringContaining(unknown), errors: [{ path: 'skuIds.1', message: `unknown SKU ${unknown}` }] });
    expect(await inspectionsOf(passing)).toHaveLength(1);
    expect((await service.http.get(`/curation/skus/${passing}`).set('Authorization', `Bearer ${curator}`).expect(200)).body).toMatchObject({ status: 'approved' });
    // Several SKUs are a batch: without one, the field is named.
    const noBatch = await inspect({ result: 'pass', skuIds: [passing, failing], notes: 'ok', sampleSize: 2 }).expect(400);
    expect(noBatch.body.errors).toEqual([expect.objectContaining({ path: 'body.batch' })]);
  });

  it('lets quality and admin staff record, curators only read', async () => {
    await inspect({ result: 'pass', skuIds: [passing], notes: 'ok', sampleSize: 1 }, curator).expect(403);
    await service.http.post('/quality/inspections').set('X-Api-Key', mall).send({ result: 'pass', skuIds: [passing], notes: 'ok', sampleSize: 1 }).expect(403);
    await service.http.get('/quality/inspections').query({ skuId: passing }).set('Authorization', `Bearer ${curator}`).expect(200);
    expect(await inspectionsOf(passing)).toHaveLength(1);
  });

  it('writes the inspection and the suspension it caused to the audit log, with the inspector', async () => {
    const admin = await testStaffToken(['admin'], 'admin-li');
    const [inspection] = await inspectionsOf(failing);
    const audit = (entityKind: string, entityId: string) =>
      service.http.get('/audit').query({ entityKind, entityId }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect((await audit('inspection', inspection!.inspectionId)).body.items).toEqual([
      expect.objectContaining({ action: 'inspection.fail', actor: expect.objectContaining({ kind: 'staff', sub: 'quality-li' }), reason: '内胆涂层脱落' }),
    ]);
    expect((await audit('sku', failing)).body.items).toEqual([
      expect.objectContaining({ action: 'sku.suspend', actor: expect.objectContaining({ sub: 'quality-li' }), after: { status: 'suspended' } }),
    ]);
  });

  it('counts the inspection’s suspension under sample inspection and a staff delisting under staff decision', async () => {
    await service.http.post(`/curation/skus/${delisted}/delist`).set('Authorization', `Bearer ${curator}`).send({ reason: '厂家停产' }).expect(200);
    const reader = await testStaffToken(['operations']);
    const report = (await service.http.get('/quality/elimination').query({ period: 'week' }).set('Authorization', `Bearer ${reader}`).expect(200)).body;
    expect(report.total).toMatchObject({
      skusRemoved: 2,
      byCause: { 'sample-inspection': 1, 'staff-decision': 1, 'quality-breach': 0, 'qualification-expiry': 0 },
      byAction: { suspend: 1, delist: 1, reject: 0 },
    });
    expect(report.catalogSkus).toBe(4);
    expect(report.total.rate).toBe(0.5);
    expect(report.periods.at(-1)).toMatchObject({ skusRemoved: 2 });

    await service.http.get('/quality/elimination').query({ period: 'year' }).set('Authorization', `Bearer ${reader}`).expect(400);
    await service.http.get('/quality/elimination').query({ from: '2026-12-01', to: '2026-11-01' }).set('Authorization', `Bearer ${reader}`).expect(400);
    await service.http.get('/quality/elimination').set('X-Api-Key', mall).expect(403);
  });
});
