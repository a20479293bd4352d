import { TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { MongoBlacklistCopyStore } from '@supply-hub/orders-data-access';
import { createTestApiKey, type SpawnedService, spawnService, TEST_STAFF_TOKEN_SECRET, testStaffToken, type TestService } from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { sellableSku, startOrderRouter, stockUp, 成都 } from './order-fixtures';

interface Answer {
  status: number;
  body: { errors?: { path: string; message: string }[]; orderId?: string; status?: string };
}

/** `Ab-1` → `Ａｂ－１`: what staff paste from a Chinese document. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/**
 * The quality blacklist end to end: catalog-sync in its own process (its real entry point: an app may
 * not import another app), two order-router instances in this one sharing a database and a consumer
 * group, everything over the real Kafka and FerretDB. A staff member blacklists through catalog-sync's
 * API; new orders for the SKUs it names are refused on every instance within 5 s; orders taken before
 * stay as they are; lifting or expiry lets orders through again. Every value is unique to this run:
 * other suites on the same broker see these events.
 */
describe('a quality blacklist entry reaching order intake over Kafka', () => {
  const env = integrationEnv();
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-blacklist'), brokers: env.kafkaBrokers, logger: stderrLogger('error') });
  let catalogDatabase: TestDatabase;
  let catalog: SpawnedService;
  let routerA: TestService;
  let routerB: TestService;
  let collector: KafkaTestCollector;
  let mall: string;
  let quality: string;

  const place = (router: TestService, skuIds: string[]): Promise<Answer> =>
    router.http
      .post('/orders')
      .set('X-Api-Key', mall)
      .send({ mallOrderId: uniqueName('M'), lines: skuIds.map((skuId) => ({ skuId, quantity: 1 })), recipient: 成都 })
      .then((response) => ({ status: response.status, body: response.body as Answer['body'] }));
  const blacklist = (body: object) =>
    fetch(`${catalog.url}/blacklist`, {
      method: 'POST',
      headers: { authorization: `Bearer ${quality}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const lift = (entryId: string, reason: string) =>
    fetch(`${catalog.url}/blacklist/${entryId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${quality}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    });
  const refusal = (skuId: string, reason: string) => ({ path: 'lines.0.skuId', message: `SKU ${skuId} is blacklisted: ${reason}` });

  /** Places orders on `router` until `accept` says the answer is the one expected; how long that took since `since`. */
  async function untilAnswer(router: TestService, skuId: string, since: number, accept: (answer: Answer) => boolean, what: string): Promise<number> {
    await waitFor(async () => accept(await place(router, [skuId])), { timeoutMs: 20_000, intervalMs: 25, message: what });
    return Date.now() - since;
  }

  /** order-router without its timers: only the Kafka consumers and the API under test act. */
  const QUIET = { ROUTING_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false', DROP_SHIP_POLLER: 'false', CARRIER_TRACKING_SWEEP: 'false' };
  /** Another instance of the same service, on routerA's database and consumer group. */
  const anotherInstance = () =>
    startOrderRouter({ env: { MONGO_DB: routerA.databaseName, KAFKA_CONSUMER_GROUP: routerA.consumerGroup, ...QUIET }, consumeFrom: 'beginning', keepDatabase: true });

  beforeAll(async () => {
    catalogDatabase = await createTestDatabase('e2e_blacklist_catalog');
    [catalog, routerA] = await Promise.all([
      spawnService(
        'apps/catalog-sync/src/main.ts',
        {
          KAFKA_BROKERS: env.kafkaBrokers.join(','),
          MONGO_URL: env.mongoUrl,
          MONGO_DB: catalogDatabase.db.databaseName,
          KAFKA_CONSUMER_GROUP: uniqueName('e2e-catalog-sync'),
          STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET,
          OUTBOX_RELAY_INTERVAL_MS: '20',
          SYNC_RESUME_ON_START: 'false',
          CATALOG_SEARCH_INDEX: 'false',
          BLACKLIST_EXPIRY_SWEEP_INTERVAL_MS: '200',
        },
        120_000,
      ),
      startOrderRouter({
        env: QUIET,
        keepDatabase: true,
      }),
    ]);
    // A second instance of the same service: same database, same consumer group (so only one of the two
    // gets each event through the group), started after the first has the group's offsets.
    routerB = await anotherInstance();
    collector = await KafkaTestCollector.start(kafka, TOPICS.blacklist, { startAt: 'end' });
    mall = await createTestApiKey(routerA, 'tenant', uniqueName('mall'));
    quality = await testStaffToken(['quality'], 'quality-li');
  }, 240_000);

  afterAll(async () => {
    await routerB?.close();
    await routerA?.close();
    await catalog?.stop();
    await collector?.stop();
    await catalogDatabase?.drop();
  });

  it('refuses new orders for the SKU on every instance, leaves earlier orders alone, and takes them again once lifted', async () => {
    const brand = uniqueName('劣质品牌');
    const [skuId, other] = await Promise.all([sellableSku(routerA, { brand }), sellableSku(routerA)]);
    await stockUp(routerA, 'wh-cd', skuId, 100);
    await stockUp(routerA, 'wh-cd', other, 100);
    const before = await place(routerA, [skuId]);
    expect(before.status).toBe(201);
    const placedBefore = await routerA.http.get(`/orders/${before.body.orderId}`).set('X-Api-Key', mall).expect(200);

    const reason = '抽检不合格：甲醛超标';
    const created = Date.now();
    const answer = await blacklist({ target: { kind: 'brand', value: fullWidth(brand) }, reason, evidenceUrl: 'https://qc.example.com/reports/77' });
    expect(answer.status).toBe(201);
    const { entryId } = (await answer.json()) as { entryId: string };
    const refused = (found: Answer) => found.status === 400 && JSON.stringify(found.body.errors) === JSON.stringify([refusal(skuId, reason)]);
    const [onA, onB] = await Promise.all([
      untilAnswer(routerA, skuId, created, refused, 'instance A to refuse the blacklisted SKU'),
      untilAnswer(routerB, skuId, created, refused, 'instance B to refuse the blacklisted SKU'),
    ]);
    console.log(`blacklist → order refused: instance A after ${onA} ms, instance B after ${onB} ms (from the POST /blacklist on catalog-sync)`);

    // Only the blacklisted line is named; the order as a whole is refused, nothing is reserved for it.
    const mixed = await place(routerB, [other, skuId]);
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([{ path: 'lines.1.skuId', message: `SKU ${skuId} is blacklisted: ${reason}` }]);
    expect((await place(routerA, [other])).status).toBe(201);

    // The order taken before the entry is untouched.
    const after = await routerA.http.get(`/orders/${before.body.orderId}`).set('X-Api-Key', mall).expect(200);
    expect(after.body).toEqual(placedBefore.body);

    const liftedAt = Date.now();
    expect((await lift(entryId, '复检合格')).status).toBe(200);
    const takes = (found: Answer) => found.status === 201;
    const [againA, againB] = await Promise.all([
      untilAnswer(routerA, skuId, liftedAt, takes, 'instance A to take the SKU again'),
      untilAnswer(routerB, skuId, liftedAt, takes, 'instance B to take the SKU again'),
    ]);
    console.log(`blacklist lifted → order taken: instance A after ${againA} ms, instance B after ${againB} ms`);
    await collector.waitFor((message) => message.key === entryId && message.value!.includes('"change":"removed"'), { message: 'the removed event on Kafka' });
  });

  it('stops refusing once an entry expires', async () => {
    const subcategory = uniqueName('召回类目');
    const skuId = await sellableSku(routerA, { subcategory });
    await stockUp(routerA, 'wh-cd', skuId, 100);
    const expiresAt = new Date(Date.now() + 15_000);
    const answer = await blacklist({ target: { kind: 'category', value: subcategory }, reason: '厂家召回', expiresAt: expiresAt.toISOString() });
    expect(answer.status).toBe(201);
    const { entryId } = (await answer.json()) as { entryId: string };
    const created = Date.now();
    await untilAnswer(routerB, skuId, created, (found) => found.status === 400, 'the category entry to apply');
    // It applied while the entry was still valid (what follows proves the expiry lifts it).
    expect(Date.now()).toBeLessThan(expiresAt.getTime());

    await collector.waitFor((message) => message.key === entryId && message.value!.includes('"change":"expired"'), {
      timeoutMs: 60_000,
      message: 'the expired event on Kafka',
    });
    const taken = await place(routerA, [skuId]);
    expect(taken.status).toBe(201);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect((await place(routerB, [skuId])).status).toBe(201);
  });

  it('refuses from its first order on an instance started after the entry, from the entries it keeps', async () => {
    const supplier = uniqueName('sup');
    const skuId = await sellableSku(routerA, { supplierSourceId: supplier });
    await stockUp(routerA, 'wh-cd', skuId, 100);
    const answer = await blacklist({ target: { kind: 'supplier', value: supplier.toUpperCase() }, reason: '资质过期' });
    expect(answer.status).toBe(201);
    const { entryId } = (await answer.json()) as { entryId: string };
    await untilAnswer(routerA, skuId, Date.now(), (found) => found.status === 400, 'the supplier entry to apply');
    await waitFor(async () => (await routerA.app.get(MongoBlacklistCopyStore).copies.findOne({ _id: entryId }))?.state === 'active', {
      message: 'the entry in order-router’s collection',
    });

    const routerC = await anotherInstance();
    try {
      const first = await place(routerC, [skuId]);
      expect(first).toMatchObject({ status: 400, body: { errors: [refusal(skuId, '资质过期')] } });
    } finally {
      await routerC.close();
    }
    expect((await lift(entryId, '资质已更新')).status).toBe(200);
  }, 120_000);
});
