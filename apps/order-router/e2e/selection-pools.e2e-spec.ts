import { createEvent, SelectionPoolChanged, type SelectionPoolChangedData } from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { MongoSelectionPoolCopyStore } from '@supply-hub/orders-data-access';
import { createTestApiKey, type TestService } from '@supply-hub/platform/testing';
import { integrationEnv, uniqueName, waitFor } from '@supply-hub/testing';
import { sellableSku, startOrderRouter, stockUp, 成都 } from './order-fixtures';

interface Answer {
  status: number;
  contentType?: string;
  body: { type?: string; errors?: { path: string; message: string }[]; orderId?: string };
}

const ROUTER_ENV = { ROUTING_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false', DROP_SHIP_POLLER: 'false', CARRIER_TRACKING_SWEEP: 'false' };

/**
 * Selection pools bounding what a mall may order, over the real Kafka and FerretDB: SelectionPoolChanged
 * is published as catalog-sync publishes it (tenant-scoped, keyed by mall); order-router then refuses
 * mall A's lines outside its pool, naming each SKU, takes those inside, leaves mall B (no pool) alone,
 * keeps an older version arriving late out, and a new instance loads the pools from the collection. The
 * malls and brands are this run's own: other suites on the same broker see these events.
 */
describe('selection pools at order intake', () => {
  const env = integrationEnv();
  const publisher = new KafkaEventPublisher(createKafkaClient({ clientId: uniqueName('e2e-pools'), brokers: env.kafkaBrokers, logger: stderrLogger('error') }));
  const mallA = uniqueName('mall-a');
  const mallB = uniqueName('mall-b');
  const brandIn = uniqueName('池内品牌');
  const brandOut = uniqueName('池外品牌');
  let router: TestService;
  let keyA: string;
  let keyB: string;
  let skuIn: string;
  let skuOut: string;
  let skuIncluded: string;

  const place = (service: TestService, key: string, skuIds: string[]): Promise<Answer> =>
    service.http
      .post('/orders')
      .set('X-Api-Key', key)
      .send({ mallOrderId: uniqueName('M'), lines: skuIds.map((skuId) => ({ skuId, quantity: 1 })), recipient: 成都 })
      .then((response) => ({ status: response.status, contentType: response.headers['content-type'], body: response.body as Answer['body'] }));
  const publishPool = (data: SelectionPoolChangedData) =>
    publisher.publish(SelectionPoolChanged, createEvent(SelectionPoolChanged, data, { source: '/catalog-sync', tenantId: data.mallId }));
  const poolOfA = (version: number, overrides: Partial<SelectionPoolChangedData> = {}): SelectionPoolChangedData => ({
    mallId: mallA,
    version,
    families: ['physical'],
    brands: [brandIn],
    // The fixtures' SKUs cost 29,900 fen: inside.
    priceRangesFen: [[10_000, 50_000]],
    includes: [skuIncluded],
    excludes: [],
    updatedBy: 'curator-zhao',
    at: new Date().toISOString(),
    ...overrides,
  });
  const outside = (index: number, skuId: string) => ({ path: `lines.${index}.skuId`, message: `SKU ${skuId} is not in this mall's selection pool` });

  beforeAll(async () => {
    router = await startOrderRouter({ env: ROUTER_ENV, keepDatabase: true });
    await publisher.connect();
    keyA = await createTestApiKey(router, 'tenant', mallA);
    keyB = await createTestApiKey(router, 'tenant', mallB);
    [skuIn, skuOut, skuIncluded] = await Promise.all([
      sellableSku(router, { brand: brandIn }),
      sellableSku(router, { brand: brandOut }),
      sellableSku(router, { brand: brandOut }),
    ]);
    for (const skuId of [skuIn, skuOut, skuIncluded]) await stockUp(router, 'wh-cd', skuId, 100);
  }, 120_000);

  afterAll(async () => {
    await publisher.disconnect();
    await router?.close();
  });

  it('refuses mall A’s lines outside its pool naming each SKU, takes those inside, and leaves mall B alone', async () => {
    // Before any pool: both malls may order any sellable SKU.
    expect((await place(router, keyA, [skuOut])).status).toBe(201);

    await publishPool(poolOfA(1));
    await waitFor(async () => (await place(router, keyA, [skuOut])).status === 400, { timeoutMs: 20_000, message: 'order-router to apply mall A’s pool' });

    const refused = await place(router, keyA, [skuIn, skuOut]);
    expect(refused.status).toBe(400);
    // The same problem+json as a blacklisted SKU: the refused line's skuId, the order as a whole refused.
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.body.type).toMatch(/validation-failed$/);
    expect(refused.body.errors).toEqual([outside(1, skuOut)]);
    expect((await place(router, keyA, [skuIn, skuIncluded])).status).toBe(201);
    expect((await place(router, keyB, [skuOut, skuIn])).status).toBe(201);
  });

  it('keeps the newer version: a later one takes effect, an older one arriving late changes nothing', async () => {
    await publishPool(poolOfA(3, { brands: [brandOut], excludes: [skuIncluded] }));
    await waitFor(async () => (await place(router, keyA, [skuOut])).status === 201, { timeoutMs: 20_000, message: 'order-router to apply version 3' });
    // Excludes win over the brand filter.
    expect((await place(router, keyA, [skuIncluded])).body.errors).toEqual([outside(0, skuIncluded)]);

    // An older version arriving late (a redelivery) is kept neither in the collection nor in memory.
    const store = router.app.get(MongoSelectionPoolCopyStore);
    await waitFor(async () => (await store.copies.findOne({ _id: mallA }))?.version === 3, { message: 'version 3 stored' });
    await store.record(poolOfA(2));
    expect((await store.copies.findOne({ _id: mallA }))?.version).toBe(3);
    expect(await store.all()).toContainEqual(expect.objectContaining({ mallId: mallA, version: 3, brands: [brandOut], priceRangesFen: [[10_000, 50_000]] }));
    expect((await place(router, keyA, [skuOut])).status).toBe(201);
    expect((await place(router, keyA, [skuIn])).body.errors).toEqual([outside(0, skuIn)]);
  });

  it('loads the stored pools when a new instance starts', async () => {
    const second = await startOrderRouter({ env: { ...ROUTER_ENV, MONGO_DB: router.databaseName }, keepDatabase: true });
    try {
      // Its own consumer group starts at the end of the topics: only the collection can tell it mall A's pool.
      const refused = await place(second, keyA, [skuIn]);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([outside(0, skuIn)]);
    } finally {
      await second.close();
    }
  }, 120_000);
});
