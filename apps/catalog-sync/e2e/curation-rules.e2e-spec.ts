import { randomUUID } from 'node:crypto';
import { MongoCatalogStore, MongoCurationActionStore } from '@supply-hub/catalog-data-access';
import { TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type SpawnedService, spawnService, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { integrationEnv, KafkaTestCollector, uniqueName, waitFor } from '@supply-hub/testing';
import { CatalogSearchService } from '../src/catalog/catalog-search.service';
import { CurationRecovery } from '../src/curation/curation-recovery.service';
import { startCatalogSync } from './catalog-fixtures';

/**
 * Curation rules and bulk decisions on the real Kafka and FerretDB, with SKUs that a real sync from the
 * supplier sandboxes brings in: admins write the rules (curators may not), the rules decide each new SKU
 * (approved ones sell, pending ones wait out of the mall catalog), and a bulk approval by filter, after its
 * dry run, puts the pending ones on sale, each SKU audited.
 */
describe('curation rules and bulk decisions', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-rules'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  let sim: SpawnedService;
  let service: TestService;
  let collector: KafkaTestCollector;
  let admin: string;
  let curator: string;
  let mall: string;

  const rulesPut = (body: object, token = admin) => service.http.put('/curation/rules').set('Authorization', `Bearer ${token}`).send(body);
  const bulk = (body: object, token = curator) => service.http.post('/curation/bulk').set('Authorization', `Bearer ${token}`).send(body);
  const productsOf = async (sourceId: string) =>
    (await service.app.get(MongoCatalogStore).products.find({ 'state.offers.sourceId': sourceId }).toArray()).map((product) => product.state);
  const mallSees = async (brand: string) => {
    const body = (await service.http.get('/catalog/skus').query({ brand, limit: 100 }).set('X-Api-Key', mall).expect(200)).body as {
      items: { skuId: string }[];
    };
    return body.items.map((item) => item.skuId).sort();
  };

  async function runSync(sourceId: string): Promise<void> {
    const token = await testStaffToken(['operations']);
    const started = await service.http.post('/sync/jobs').set('Authorization', `Bearer ${token}`).send({ sourceId, mode: 'full' }).expect(202);
    await waitFor(
      async () => {
        const job = (await service.http.get(`/sync/jobs/${started.body.jobId}`).set('Authorization', `Bearer ${token}`).expect(200)).body as { state: string };
        if (job.state === 'failed') throw new Error(`sync ${sourceId} failed: ${JSON.stringify(job)}`);
        return job.state === 'completed';
      },
      { timeoutMs: 90_000, intervalMs: 100, message: `the sync of ${sourceId} to complete` },
    );
  }

  beforeAll(async () => {
    sim = await spawnService('apps/supplier-sim/src/main.ts', { SIM_SKUS: '400' });
    service = await startCatalogSync({ env: { SUPPLIER_SIM_URL: sim.url, CATALOG_EVENT_RELAY_INTERVAL_MS: '20', SYNC_RESUME_ON_START: 'false' } });
    collector = await KafkaTestCollector.start(kafka, TOPICS.catalogSku, { startAt: 'end' });
    [admin, curator] = await Promise.all([testStaffToken(['admin'], 'admin-li'), testStaffToken(['curator'], 'curator-wang')]);
    mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    await service.app.get(CatalogSearchService).whenReady();
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await collector?.stop();
    await sim?.stop();
  });

  it('lets only admins replace the rules, by version, with each bad field named, and audits the change', async () => {
    const initial = await service.http.get('/curation/rules').set('Authorization', `Bearer ${curator}`).expect(200);
    expect(initial.body).toMatchObject({ rules: [], otherwise: 'approved', version: 0, isDefault: true });

    // The example: whitelisted brands from qualified suppliers are approved, everything else waits.
    const rules = { rules: [{ name: 'whitelisted brands, qualified supplier', when: { brands: ['美的', '九阳'], qualifiedSupplier: true }, then: 'approved' }], otherwise: 'pending', version: 0 };
    await rulesPut(rules, curator).expect(403);
    const mallCall = await service.http.put('/curation/rules').set('X-Api-Key', mall).send(rules);
    expect([401, 403]).toContain(mallCall.status);

    const bad = await rulesPut({
      rules: [{ name: 'x', when: { minPriceFen: 900, maxPriceFen: 100 }, then: 'approved' }],
      otherwise: 'pending',
      version: 0,
    }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.rules.0.when.maxPriceFen' })]));

    const saved = await rulesPut(rules).expect(200);
    expect(saved.body).toMatchObject({ version: 1, otherwise: 'pending', updatedBy: 'admin-li', isDefault: false });
    // A second edit made from the version before the first is refused, not silently lost.
    await rulesPut({ ...rules, otherwise: 'rejected' }).expect(409);

    const audit = await service.http
      .get('/audit')
      .query({ entityKind: 'curation-rules', entityId: 'current' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'curation-rules.replace',
        actor: expect.objectContaining({ sub: 'admin-li' }),
        after: expect.objectContaining({ otherwise: 'pending', version: 1 }),
      }),
    ]);
  });

  it('decides each new SKU by the rules: the approved sell, the pending wait outside the mall catalog', async () => {
    // Midea's own feed is qualified for 美的 (licence and authorisation); Joyoung's feed has an authorisation but no licence.
    const quality = await testStaffToken(['quality'], 'quality-zhao');
    const record = (body: object) => service.http.post('/qualifications').set('Authorization', `Bearer ${quality}`).send(body).expect(201);
    await record({ supplierId: 'brand-midea', kind: 'business-licence', validFrom: '2020-01-01', validUntil: '2099-12-31' });
    await record({ supplierId: 'brand-midea', kind: 'brand-authorisation', brand: '美的', validFrom: '2020-01-01', validUntil: '2099-12-31' });
    await record({ supplierId: 'brand-joyoung', kind: 'brand-authorisation', brand: '九阳', validFrom: '2020-01-01', validUntil: '2099-12-31' });
    await runSync('brand-midea');
    await runSync('brand-joyoung');
    const midea = await productsOf('brand-midea');
    const joyoung = await productsOf('brand-joyoung');
    expect(midea.length).toBeGreaterThan(0);
    expect(joyoung.length).toBeGreaterThan(0);
    for (const product of midea) expect(product.curation).toMatchObject({ status: 'approved', reason: 'rule "whitelisted brands, qualified supplier"', by: 'curation-rules' });
    for (const product of joyoung) expect(product).toMatchObject({ sellable: false, curation: { status: 'pending', by: 'curation-rules' } });

    const sellableMidea = midea
      .filter((product) => product.sellable)
      .map((product) => product.skuId)
      .sort();
    expect(sellableMidea.length).toBeGreaterThan(0);
    await waitFor(async () => (await mallSees('美的')).length === sellableMidea.length, { message: 'the mall catalog to list the approved Midea SKUs' });
    expect(await mallSees('美的')).toEqual(sellableMidea);
    expect(await mallSees('九阳')).toEqual([]);

    // The SKU events say the state, so every consumer's copy (other instances' indexes) knows it.
    const pendingEvent = collector.messages.map((message) => JSON.parse(message.value ?? '{}')).find((event) => event.data?.skuId === joyoung[0]!.skuId);
    expect(pendingEvent?.data).toMatchObject({ sellable: false, curationStatus: 'pending' });
  });

  it('approves by filter only after a dry run whose count the run confirms; each SKU approved is audited', async () => {
    const joyoung = (await productsOf('brand-joyoung')).map((product) => product.skuId).sort();
    const filter = { suppliers: ['brand-joyoung'], statuses: ['pending'] };
    const request = { filter, action: 'approve', reason: '九阳 authorised by the brand, checked by hand' };

    await bulk({ ...request, filter: {} }).expect(400);
    const dry = await bulk({ ...request, dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, to: 'approved', matched: joyoung.length, applicable: joyoung.length, byStatus: { pending: joyoung.length }, skipped: [] });
    // Nothing changed by the dry run.
    expect((await productsOf('brand-joyoung')).every((product) => product.curation?.status === 'pending')).toBe(true);

    await bulk(request).expect(400);
    await bulk({ ...request, confirmCount: joyoung.length + 1 }).expect(409);
    const mallCall = await service.http
      .post('/curation/bulk')
      .set('X-Api-Key', mall)
      .send({ ...request, dryRun: true });
    expect([401, 403]).toContain(mallCall.status);

    const run = await bulk({ ...request, confirmCount: joyoung.length }).expect(202);
    expect(run.body).toMatchObject({ dryRun: false, actionId: expect.stringMatching(/^cur_/), applicable: joyoung.length });
    const done = await waitFor(
      async () => {
        const action = (await service.http.get(`/curation/actions/${run.body.actionId}`).set('Authorization', `Bearer ${curator}`).expect(200)).body;
        return action.state === 'done' ? action : undefined;
      },
      { timeoutMs: 60_000, message: 'the bulk approval to finish' },
    );
    expect(done).toMatchObject({ applied: joyoung.length, refusedCount: 0, unknown: [], by: 'curator-wang' });
    expect((await productsOf('brand-joyoung')).every((product) => product.curation?.status === 'approved' && product.curation.by === 'curator-wang')).toBe(
      true,
    );

    const sellable = (await productsOf('brand-joyoung'))
      .filter((product) => product.sellable)
      .map((product) => product.skuId)
      .sort();
    await waitFor(async () => (await mallSees('九阳')).length === sellable.length, { message: 'the approved Joyoung SKUs in the mall catalog' });

    const audit = await waitFor(
      async () => {
        const page = await service.http
          .get('/audit')
          .query({ entityKind: 'sku', entityId: joyoung[0], limit: 10 })
          .set('Authorization', `Bearer ${admin}`)
          .expect(200);
        return page.body.items.length > 0 ? page.body.items : undefined;
      },
      { message: 'the audit entry of a SKU the bulk action approved' },
    );
    expect(audit[0]).toMatchObject({
      action: 'sku.approve',
      actor: expect.objectContaining({ sub: 'curator-wang' }),
      before: { status: 'pending' },
      after: { status: 'approved', bulkAction: run.body.actionId },
    });

    // Run again, the same filter selects nothing any more: the approval is not repeated.
    const again = await bulk({ ...request, dryRun: true }).expect(200);
    expect(again.body).toMatchObject({ matched: 0, applicable: 0 });
  });

  it('finishes a bulk action whose process died, and audits its SKUs as the recovery job, naming who decided', async () => {
    const [skuId] = (await productsOf('brand-joyoung')).map((product) => product.skuId).sort();
    const actionId = `cur_${randomUUID()}`;
    // As a process that recorded the action (and answered 202) and died before touching its SKUs leaves it.
    await service.app
      .get(MongoCurationActionStore)
      .actions.insertOne({ _id: actionId, skuIds: [skuId!], action: 'suspend', reason: '到货抽检前暂停', by: 'curator-wang', at: new Date(Date.now() - 120_000), state: 'running' });
    expect(await service.app.get(CurationRecovery).runOnce()).toBeGreaterThanOrEqual(1);
    expect((await service.app.get(MongoCatalogStore).readProducts([skuId!])).get(skuId!)?.state.curation).toMatchObject({ status: 'suspended', by: 'curator-wang' });
    const audit = await service.http.get('/audit').query({ entityKind: 'sku', entityId: skuId, actor: 'system:curation-recovery' }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'sku.suspend', reason: '到货抽检前暂停', after: { status: 'suspended', bulkAction: actionId, decidedBy: 'curator-wang' } }),
    ]);
  });
});
