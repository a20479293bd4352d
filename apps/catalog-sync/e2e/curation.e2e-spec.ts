import { randomBytes } from 'node:crypto';
import { CATALOG_COLLECTIONS, type ProductDocument } from '@supply-hub/catalog-data-access';
import { SkuDelisted, SkuUpserted, TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { productDocument, startCatalogSync } from './catalog-fixtures';

/**
 * Staff's curation decisions through catalog-sync's API on the real Kafka and FerretDB: the product is
 * rewritten with the decision, the SKU event goes out (SkuDelisted with the reason when it stops selling,
 * SkuUpserted when it sells again), the mall catalog follows, refused moves are 409s, every decision is
 * in the audit log, and only curation's roles may decide.
 */
describe('curation in catalog-sync', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-curation'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  const brand = uniqueName('Brand品牌');
  const skuId = `sku_${randomBytes(10).toString('hex')}`;
  let database: TestDatabase;
  let service: TestService;
  let collector: KafkaTestCollector;
  let mall: string;
  let curator: string;

  const decide = (action: string, reason: string, token = curator) => service.http.post(`/curation/skus/${skuId}/${action}`).set('Authorization', `Bearer ${token}`).send({ reason });
  const visible = async () =>
    ((await service.http.get('/catalog/skus').query({ brand, limit: 10 }).set('X-Api-Key', mall).expect(200)).body.items as { skuId: string }[]).map((item) => item.skuId);
  const eventOf = (type: string, version: number) =>
    collector.waitFor(
      (message) => {
        const event = JSON.parse(message.value ?? '{}');
        return event.type === type && (event.data.skuId === skuId) && event.data.version === version;
      },
      { timeoutMs: 30_000, message: `${type} v${version} of ${skuId}` },
    );

  beforeAll(async () => {
    database = await createTestDatabase('e2e_catalog_curation');
    await database.db.collection<ProductDocument>(CATALOG_COLLECTIONS.products).insertOne(productDocument(skuId, { title: '美的电饭煲 MB-FB40', brand, subcategory: '电饭煲', sourceId: 'jd' }));
    service = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, SYNC_RESUME_ON_START: 'false' }, keepDatabase: true });
    collector = await KafkaTestCollector.start(kafka, TOPICS.catalogSku, { startAt: 'end' });
    mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    curator = await testStaffToken(['curator'], 'curator-wang');
    await waitFor(async () => (await visible()).length === 1, { message: 'the catalog index to hold the product' });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await collector?.stop();
    await database?.drop();
  });

  it('suspends with the reason (SkuDelisted, hidden), refuses what the SKU cannot become, reinstates (SkuUpserted, visible)', async () => {
    const suspended = (await decide('suspend', '抽检不合格：内胆涂层脱落').expect(200)).body;
    expect(suspended).toMatchObject({ skuId, status: 'suspended', sellable: false, delistedReason: 'suspended by curation: 抽检不合格：内胆涂层脱落', decision: { by: 'curator-wang' }, version: 2 });
    const delisted = JSON.parse((await eventOf(SkuDelisted.type, 2)).value!);
    expect(delisted.data.reason).toBe('suspended by curation: 抽检不合格：内胆涂层脱落');
    await waitFor(async () => (await visible()).length === 0, { timeoutMs: 30_000, message: 'the catalog to hide the suspended SKU' });

    const refused = await decide('approve', 'x').expect(409);
    expect(refused.body).toMatchObject({ type: expect.stringContaining('curation-refused'), detail: expect.stringContaining('a suspended SKU cannot be approved (only a pending one)') });
    await decide('reinstate', '复检合格').expect(200);
    const upserted = JSON.parse((await eventOf(SkuUpserted.type, 3)).value!);
    expect(upserted.data).toMatchObject({ skuId, sellable: true });
    await waitFor(async () => (await visible()).length === 1, { timeoutMs: 30_000, message: 'the catalog to show the reinstated SKU' });
    expect((await service.http.get(`/curation/skus/${skuId}`).set('Authorization', `Bearer ${curator}`).expect(200)).body).toMatchObject({ status: 'approved', sellable: true, delistedReason: null });
  });

  it('writes every decision to the audit log, with who, before, after and why', async () => {
    const admin = await testStaffToken(['admin'], 'admin-li');
    const entries = (await service.http.get('/audit').query({ entityKind: 'sku', entityId: skuId }).set('Authorization', `Bearer ${admin}`).expect(200)).body.items as {
      action: string;
      actor: { sub: string };
      before: { status: string };
      after: { status: string };
      reason: string;
    }[];
    expect(entries.map((entry) => [entry.action, entry.actor.sub, entry.before.status, entry.after.status, entry.reason])).toEqual([
      ['sku.reinstate', 'curator-wang', 'suspended', 'approved', '复检合格'],
      ['sku.suspend', 'curator-wang', 'approved', 'suspended', '抽检不合格：内胆涂层脱落'],
    ]);
  });

  it('lets curation’s roles decide, nobody else', async () => {
    await decide('suspend', 'x', await testStaffToken(['operations'])).expect(403);
    await service.http.post(`/curation/skus/${skuId}/suspend`).set('X-Api-Key', mall).send({ reason: 'x' }).expect(403);
    await decide('suspend', 'x', await testStaffToken(['quality'])).expect(200);
    await service.http.post(`/curation/skus/sku_unknown/suspend`).set('Authorization', `Bearer ${curator}`).send({ reason: 'x' }).expect(404);
    await service.http.post(`/curation/skus/${skuId}/promote`).set('Authorization', `Bearer ${curator}`).send({ reason: 'x' }).expect(400);
  });
});
