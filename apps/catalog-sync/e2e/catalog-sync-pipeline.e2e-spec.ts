import { createHash } from 'node:crypto';
import { CATALOG_COLLECTIONS, MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import {
  createTestApiKey,
  type SpawnedService,
  spawnService,
  startTestService,
  TEST_STAFF_TOKEN_SECRET,
  testStaffToken,
  type TestService,
} from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, uniqueName, waitFor } from '@supply-hub/testing';
import { AppModule } from '../src/app.module';
import { CatalogSearchService } from '../src/catalog/catalog-search.service';
import { catalogSyncEnv } from '../src/config/catalog-sync-env';
import { localSandboxSources } from '../src/config/local-sandbox-sources';
import { startCatalogSync } from './catalog-fixtures';

const SIM_SKUS = 2_000;
const SOURCES = ['jd', 'taobao', 'brand-midea', 'brand-joyoung', 'brand-xiaomi', 'brand-three-squirrels', 'brand-yili'];

interface JobView {
  jobId: string;
  state: string;
  counts: {
    seen: number;
    offersWritten: number;
    unchanged: number;
    quarantined: number;
    productsWritten: number;
    events: number;
    delisted: number;
    pages: number;
  };
}

/**
 * The catalog sync end to end: the supplier sandboxes in their own process, catalog-sync on the real
 * Kafka and FerretDB, syncs started through the staff API.
 */
describe('catalog sync from the supplier sandboxes', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-catalog'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  const testStart = new Date();
  let sim: SpawnedService;
  let service: TestService;
  let staff: string;
  let collector: KafkaTestCollector;

  const sim$ = (path: string, body?: unknown) =>
    fetch(`${sim.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => r.json(),
    );

  async function runSync(target: TestService, sourceId: string, mode: 'full' | 'incremental'): Promise<JobView> {
    const token = await testStaffToken(['operations']);
    const started = await target.http.post('/sync/jobs').set('Authorization', `Bearer ${token}`).send({ sourceId, mode }).expect(202);
    return waitFor(
      async () => {
        const job = (await target.http.get(`/sync/jobs/${started.body.jobId}`).set('Authorization', `Bearer ${token}`).expect(200)).body as JobView;
        if (job.state === 'failed') throw new Error(`sync ${sourceId} failed: ${JSON.stringify(job)}`);
        return job.state === 'completed' ? job : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 100, message: `the ${mode} sync of ${sourceId} to complete` },
    );
  }

  /** SKU events of this test run (the topic also holds earlier runs'). */
  const runEvents = () =>
    collector.messages
      .map((message) => JSON.parse(message.value ?? '{}') as { id: string; type: string; time: string; data: { skuId: string; version: number } })
      .filter((event) => new Date(event.time) >= testStart);

  beforeAll(async () => {
    sim = await spawnService('apps/supplier-sim/src/main.ts', { SIM_SKUS: String(SIM_SKUS) });
    service = await startCatalogSync({ env: { SUPPLIER_SIM_URL: sim.url, CATALOG_EVENT_RELAY_INTERVAL_MS: '20' } });
    // After the service: it creates the topic on a fresh broker.
    collector = await KafkaTestCollector.start(kafka, TOPICS.catalogSku, { startAt: 'end' });
    staff = await testStaffToken(['operations']);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await collector?.stop();
    await sim?.stop();
  });

  it('lands every valid record once, quarantines every bad one, and announces every product', async () => {
    const world = (await sim$('/sim/stats')) as { world: { sources: Record<string, { skus: number }> } };
    const jobs: Record<string, JobView> = {};
    for (const sourceId of SOURCES) jobs[sourceId] = await runSync(service, sourceId, 'full');

    const store = service.app.get(MongoCatalogStore);
    let quarantined = 0;
    for (const sourceId of SOURCES) {
      const job = jobs[sourceId]!;
      const offers = await store.offersOf(sourceId).countDocuments();
      expect({ sourceId, seen: job.counts.seen }).toEqual({ sourceId, seen: world.world.sources[sourceId]!.skus });
      expect({ sourceId, offers }).toEqual({ sourceId, offers: job.counts.seen - job.counts.quarantined });
      quarantined += job.counts.quarantined;
    }
    // The sandbox breaks ~0.3% of its records on purpose; each is kept with why.
    expect(quarantined).toBeGreaterThan(0);
    const entries = await store.quarantined.find({}).toArray();
    expect(entries).toHaveLength(quarantined);
    for (const entry of entries) expect(entry.reasons.length).toBeGreaterThan(0);

    const products = await store.products.countDocuments();
    const offers = (await Promise.all(SOURCES.map((sourceId) => store.offersOf(sourceId).countDocuments()))).reduce((a, b) => a + b, 0);
    // About 15% of products are offered by more than one source.
    expect(products).toBeLessThan(offers);
    expect(products).toBeGreaterThan(offers * 0.8);
    const multi = await store.products.countDocuments({ 'state.offers.1': { $exists: true } });
    expect(multi).toBeGreaterThan(products * 0.05);

    await waitFor(() => new Set(runEvents().map((event) => event.data.skuId)).size === products, {
      timeoutMs: 60_000,
      message: `events for all ${products} products on Kafka`,
    });
    expect(await store.eventBatches.countDocuments()).toBe(0);

    const quarantineView = await service.http.get('/quarantine?limit=5').set('Authorization', `Bearer ${staff}`).expect(200);
    expect(quarantineView.body.items[0]).toMatchObject({ reasons: expect.any(Array), payload: expect.anything() });
  });

  it('lets a mall browse, filter, page and open the sellable catalog, and nobody without a key', async () => {
    const mall = await createTestApiKey(service, 'tenant', 'mall-catalog');
    const search = service.app.get(CatalogSearchService);
    await search.whenReady();
    await service.http.get('/catalog/skus').expect(401);

    const seen = new Set<string>();
    let cursor: string | undefined;
    let last = -1;
    for (let pages = 0; pages < 200; pages++) {
      const response = await service.http
        .get('/catalog/skus')
        .query({ family: 'physical', sort: 'price_asc', limit: 50, ...(cursor ? { cursor } : {}) })
        .set('X-Api-Key', mall)
        .expect(200);
      for (const item of response.body.items as { skuId: string; contractPriceFen: number; categoryFamily: string }[]) {
        expect(item.categoryFamily).toBe('physical');
        expect(item.contractPriceFen).toBeGreaterThanOrEqual(last);
        last = item.contractPriceFen;
        expect(seen.has(item.skuId)).toBe(false);
        seen.add(item.skuId);
      }
      cursor = response.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    const store = service.app.get(MongoCatalogStore);
    expect(seen.size).toBe(await store.products.countDocuments({ 'state.categoryFamily': 'physical', 'state.sellable': true }));

    const [first] = seen;
    const detail = await service.http.get(`/catalog/skus/${first}`).set('X-Api-Key', mall).expect(200);
    expect(detail.body).toMatchObject({ skuId: first, contractPriceFen: expect.any(Number), marketPriceFen: expect.any(Number), specs: expect.any(Array) });
    expect(detail.body).not.toHaveProperty('offers');
    expect(detail.body).not.toHaveProperty('supplyPriceFen');

    const bad = await service.http.get('/catalog/skus').query({ sort: 'newest', cursor: 'not-a-cursor' }).set('X-Api-Key', mall).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    await service.http.get('/catalog/skus').query({ minPriceFen: 500, maxPriceFen: 100 }).set('X-Api-Key', mall).expect(400);
    await service.http.get('/catalog/skus/sku_0000000000000000dead').set('X-Api-Key', mall).expect(404);
  });

  it('writes and announces nothing when nothing changed', async () => {
    const before = runEvents().length;
    for (const sourceId of ['jd', 'brand-midea']) {
      const job = await runSync(service, sourceId, 'full');
      expect(job.counts).toMatchObject({ offersWritten: 0, productsWritten: 0, events: 0, delisted: 0 });
      expect(job.counts.unchanged).toBe(job.counts.seen - job.counts.quarantined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runEvents().length).toBe(before);
  });

  it('announces a price change with exactly one price-changed event', async () => {
    const round = (await sim$('/sim/changes', { priceMoves: 1 })) as { samples: Record<string, { price?: string[] }> };
    const [sourceId, samples] = Object.entries(round.samples)[0]!;
    const externalId = samples.price![0]!;
    const store = service.app.get(MongoCatalogStore);
    const offer = (await store.readOffers(sourceId, [`${sourceId}:${externalId}`])).get(`${sourceId}:${externalId}`)!;

    const job = await runSync(service, sourceId, 'incremental');
    expect(job.counts.offersWritten).toBeGreaterThanOrEqual(1);
    const events = await waitFor(
      () => {
        const found = runEvents().filter((event) => event.data.skuId === offer.skuId && event.type === 'supplyhub.catalog.sku-price-changed.v1');
        return found.length > 0 ? found : undefined;
      },
      { message: `a price-changed event for ${offer.skuId}` },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runEvents().filter((event) => event.data.skuId === offer.skuId && event.type === 'supplyhub.catalog.sku-price-changed.v1')).toHaveLength(
      events.length,
    );
    expect(events).toHaveLength(1);
  });

  it('moves a product to its next best offer when its best offer is delisted', async () => {
    await sim$('/sim/changes', { delistings: 0.2 });
    for (const sourceId of SOURCES) await runSync(service, sourceId, 'incremental');
    // Taobao lists only items on sale: what left is found by a full sync.
    await runSync(service, 'taobao', 'full');
    const store = service.app.get(MongoCatalogStore);
    const mixed = await store.products.find({ 'state.offers.1': { $exists: true } }).toArray();
    const affected = mixed.filter(
      (product) => product.state.offers.some((o) => o.status === 'delisted') && product.state.offers.some((o) => o.status === 'listed'),
    );
    expect(affected.length).toBeGreaterThan(0);
    for (const product of affected) {
      const best = product.state.offers.find((offer) => offer.offerId === product.state.bestOfferId);
      expect(best?.status).toBe('listed');
    }
  });

  it('completes a sync against a supplier failing 30% of its calls', async () => {
    await sim$('/sim/faults', { jd: { errorRate: 0.3 } });
    try {
      const world = (await sim$('/sim/stats')) as { world: { sources: Record<string, { skus: number }> } };
      const job = await runSync(service, 'jd', 'full');
      expect(job.counts.seen).toBe(world.world.sources['jd']!.skus);
      expect(await service.app.get(MongoCatalogStore).offersOf('jd').countDocuments()).toBe(job.counts.seen - job.counts.quarantined);
    } finally {
      await sim$('/sim/faults', { jd: { errorRate: 0 } });
    }
  });

  it('ends a sync killed midway and restarted with the catalog an uninterrupted one makes', async () => {
    const reference = await createTestDatabase('e2e_catalog_reference');
    const killed = await createTestDatabase('e2e_catalog_killed');
    // JD in pages of 100 (500 by default): the sandbox's ~900 JD SKUs make enough pages to kill a sync between them.
    const sources = localSandboxSources(sim.url);
    const jd = sources.sources.find((source) => source.id === 'jd')!;
    Object.assign(jd, { recordsPerPage: 100, stockRecordsPerPage: 100 });
    const env = {
      KAFKA_BROKERS: integrationEnv().kafkaBrokers.join(','),
      MONGO_URL: integrationEnv().mongoUrl,
      STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET,
      SUPPLIER_SIM_URL: sim.url,
      SUPPLIER_SOURCES: JSON.stringify(sources),
      SYNC_LEASE_TTL_MS: '2000',
    };
    try {
      const uninterrupted = await startTestService({
        name: 'catalog-sync',
        envSchema: catalogSyncEnv,
        module: AppModule,
        env: { ...env, MONGO_DB: reference.db.databaseName },
        keepDatabase: true,
      });
      await runSync(uninterrupted, 'jd', 'full');
      await uninterrupted.close();

      await sim$('/sim/faults', { jd: { latencyMs: 15 } });
      let first: SpawnedService | undefined = await spawnService('apps/catalog-sync/src/main.ts', {
        ...env,
        MONGO_DB: killed.db.databaseName,
        SYNC_SCHEDULE: JSON.stringify({ jd: { full: '* * * * * *' } }),
      });
      const jobs = killed.db.collection<{ seq: number; state: string }>(CATALOG_COLLECTIONS.syncJobs);
      await waitFor(async () => ((await jobs.findOne({}))?.seq ?? 0) >= 2, {
        timeoutMs: 60_000,
        intervalMs: 20,
        message: 'the first process to save two pages',
      });
      await first.stop('SIGKILL');
      first = undefined;
      const interrupted = await jobs.findOne({});
      expect(interrupted?.state).toBe('running');
      await sim$('/sim/faults', { jd: { latencyMs: 0 } });

      const second = await spawnService('apps/catalog-sync/src/main.ts', { ...env, MONGO_DB: killed.db.databaseName });
      try {
        await waitFor(async () => (await jobs.findOne({}))?.state === 'completed', { timeoutMs: 90_000, message: 'the resumed job to complete' });
      } finally {
        await second.stop();
      }
      expect(await jobs.countDocuments()).toBe(1);
      expect(await catalogDigest(killed.db)).toEqual(await catalogDigest(reference.db));
    } finally {
      await sim$('/sim/faults', { jd: { latencyMs: 0 } });
      await reference.drop();
      await killed.drop();
    }
  }, 240_000);
});

/** What a catalog holds, independent of when it was written: each product's content hash and version, each offer's. */
async function catalogDigest(db: import('mongodb').Db): Promise<{ products: number; offers: number; digest: string }> {
  const products = await db
    .collection(CATALOG_COLLECTIONS.products)
    .find({}, { projection: { contentHash: 1, version: 1 } })
    .sort({ _id: 1 })
    .toArray();
  const offers = await db
    .collection('offers_jd')
    .find({}, { projection: { contentHash: 1 } })
    .sort({ _id: 1 })
    .toArray();
  const hash = createHash('sha256');
  for (const product of products) hash.update(`${product._id}:${product.contentHash}:${product.version};`);
  for (const offer of offers) hash.update(`${offer._id}:${offer.contentHash};`);
  return { products: products.length, offers: offers.length, digest: hash.digest('hex') };
}
