import { randomBytes } from 'node:crypto';
import { CATALOG_COLLECTIONS, type ProductDocument } from '@supply-hub/catalog-data-access';
import { TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, testStaffToken, type TestService } from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { productDocument as product, startCatalogSync } from './catalog-fixtures';

interface BlacklistEvent {
  id: string;
  type: string;
  data: { entryId: string; change: string; target: { kind: string; value: string }; reason: string; author: string; expiresAt?: string };
}

const skuId = () => `sku_${randomBytes(10).toString('hex')}`;
/** `Ab-1` → `Ａｂ－１`: what staff paste from a Chinese document. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/**
 * Quality blacklists through catalog-sync's staff API on the real Kafka and FerretDB: the entry is
 * stored and announced, and the mall catalog hides what it names at once, on every instance. Every
 * value is unique to this run: other suites on the same broker see these events.
 */
describe('quality blacklists in catalog-sync', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-blacklist'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  const brand = uniqueName('Brand品牌');
  const supplier = uniqueName('sup');
  const keyword = uniqueName('kw');
  const subcategory = uniqueName('电饭煲');
  const [a, b, c] = [skuId(), skuId(), skuId()];
  let database: TestDatabase;
  let service: TestService;
  let collector: KafkaTestCollector;
  let mall: string;
  let quality: string;

  const events = () => collector.messages.map((message) => ({ key: message.key, event: JSON.parse(message.value ?? '{}') as BlacklistEvent }));
  const eventOf = (entryId: string, change: string) =>
    collector.waitFor((message) => message.key === entryId && (JSON.parse(message.value ?? '{}') as BlacklistEvent).data.change === change, {
      timeoutMs: 10_000,
      message: `the ${change} event of ${entryId} on Kafka`,
    });
  const visible = async (target: TestService = service) =>
    ((await target.http.get('/catalog/skus').query({ brand, limit: 100 }).set('X-Api-Key', mall).expect(200)).body.items as { skuId: string }[])
      .map((item) => item.skuId)
      .sort();
  const add = (body: object, token = quality, target: TestService = service) =>
    target.http.post('/blacklist').set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    database = await createTestDatabase('e2e_catalog_blacklist');
    await database.db
      .collection<ProductDocument>(CATALOG_COLLECTIONS.products)
      .insertMany([
        product(a, { title: '九阳豆浆机 DJ13B', brand, subcategory: '豆浆机', sourceId: 'jd' }),
        product(b, { title: `破壁机 Y1 ${keyword}`, brand, subcategory: '破壁机', sourceId: supplier }),
        product(c, { title: '电饭煲 3L', brand, subcategory, sourceId: 'jd' }),
      ]);
    service = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, BLACKLIST_EXPIRY_SWEEP_INTERVAL_MS: '200', SYNC_RESUME_ON_START: 'false' }, keepDatabase: true });
    collector = await KafkaTestCollector.start(kafka, TOPICS.blacklist, { startAt: 'end' });
    mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    quality = await testStaffToken(['quality'], 'quality-li');
    await waitFor(async () => (await visible()).length === 3, { message: 'the catalog index to hold the three products' });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await collector?.stop();
    await database?.drop();
  });

  it('stores a SKU entry with its author, announces it keyed by entry id, and hides the SKU at once', async () => {
    const created = await add({ target: { kind: 'sku', value: a }, reason: '抽检不合格', evidenceUrl: 'https://qc.example.com/reports/1' }).expect(201);
    expect(created.body).toMatchObject({
      entryId: expect.stringMatching(/^bl_[0-9a-f]{20}$/),
      target: { kind: 'sku', value: a },
      author: 'quality-li',
      state: 'active',
      active: true,
      expiresAt: null,
    });
    const entryId: string = created.body.entryId;
    // No wait: the instance that wrote the entry applies it before it answers.
    expect(await visible()).toEqual([b, c].sort());
    const detail = await service.http.get(`/catalog/skus/${a}`).set('X-Api-Key', mall).expect(200);
    expect(detail.body).toMatchObject({ skuId: a, sellable: false });

    const stored = await database.db.collection(CATALOG_COLLECTIONS.blacklist).findOne({ _id: entryId as never });
    expect(stored).toMatchObject({ author: 'quality-li', reason: '抽检不合格', state: 'active' });
    const message = await eventOf(entryId, 'added');
    expect(JSON.parse(message.value!)).toMatchObject({
      type: 'supplyhub.catalog.blacklist-changed.v1',
      data: {
        entryId,
        change: 'added',
        target: { kind: 'sku', value: a },
        reason: '抽检不合格',
        author: 'quality-li',
        evidenceUrl: 'https://qc.example.com/reports/1',
      },
    });
    expect(JSON.parse(message.value!)).not.toHaveProperty('tenantid');
  });

  it('refuses an overlapping entry with 409, whatever the case, width and spacing of its value', async () => {
    const first = await add({ target: { kind: 'brand', value: fullWidth(brand) }, reason: '品牌授权过期' }).expect(201);
    expect(await visible()).toEqual([]);
    const overlap = await add({ target: { kind: 'brand', value: ` ${brand.toUpperCase()} ` }, reason: 'again' }).expect(409);
    expect(overlap.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(overlap.body).toMatchObject({ code: 'blacklist-overlap', status: 409 });
    expect(overlap.body.detail).toContain(first.body.entryId);
    await add({ target: { kind: 'sku', value: a }, reason: 'again' }).expect(409);
    await service.http.delete(`/blacklist/${first.body.entryId}`).set('Authorization', `Bearer ${quality}`).send({ reason: '授权已续期' }).expect(200);
    expect(await visible()).toEqual([b, c].sort());
  });

  it('answers bad input with problem+json naming the field, and writes nothing', async () => {
    const unknownSku = skuId();
    const pastBrand = uniqueName('b');
    const unknown = await add({ target: { kind: 'sku', value: unknownSku }, reason: 'x' }).expect(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body.errors).toEqual([{ path: 'target.value', message: `unknown SKU ${unknownSku}: the catalog has no such SKU` }]);
    const past = await add({ target: { kind: 'brand', value: pastBrand }, reason: 'x', expiresAt: '2020-01-01T00:00:00+08:00' }).expect(400);
    expect(past.body.errors).toEqual([{ path: 'expiresAt', message: expect.stringContaining('must be in the future') }]);
    const shape = await add({ target: { kind: 'colour', value: 'red' } }).expect(400);
    expect((shape.body.errors as { path: string }[]).map((issue) => issue.path).sort()).toEqual(['body.reason', 'body.target.kind']);
    await add({ target: { kind: 'keyword', value: '\u3000\u3000' }, reason: 'x' }).expect(400);
    const stored = await database.db
      .collection(CATALOG_COLLECTIONS.blacklist)
      .countDocuments({ 'target.value': { $in: [unknownSku, pastBrand, 'red', '\u3000\u3000'] } });
    expect(stored).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events().filter(({ event }) => [unknownSku, pastBrand].includes(event.data.target.value))).toEqual([]);
  });

  it('lets only quality staff and admins write entries: a mall key and a curator are refused', async () => {
    const body = { target: { kind: 'brand', value: uniqueName('b') }, reason: 'x' };
    await service.http.post('/blacklist').send(body).expect(401);
    const byMall = await service.http.post('/blacklist').set('X-Api-Key', mall).send(body);
    expect([401, 403]).toContain(byMall.status);
    expect(byMall.headers['content-type']).toMatch(/application\/problem\+json/);
    await service.http.get('/blacklist').set('X-Api-Key', mall).expect(byMall.status);
    const curator = await testStaffToken(['curator']);
    await add(body, curator).expect(403);
    const entries = await service.http.get('/blacklist').set('Authorization', `Bearer ${curator}`).expect(200);
    expect(entries.body.items.length).toBeGreaterThan(0);
    await add(body, await testStaffToken(['admin'])).expect(201);
  });

  it('keeps a removed entry with who removed it and why, announces the removal, and sells the SKU again', async () => {
    const created = await add({ target: { kind: 'supplier', value: fullWidth(supplier) }, reason: '假货投诉' }).expect(201);
    const entryId: string = created.body.entryId;
    expect(await visible()).toEqual([c]);
    const other = await testStaffToken(['quality'], 'quality-wang');
    const removed = await service.http.delete(`/blacklist/${entryId}`).set('Authorization', `Bearer ${other}`).send({ reason: '复检合格' }).expect(200);
    expect(removed.body).toMatchObject({
      entryId,
      state: 'removed',
      active: false,
      removedBy: 'quality-wang',
      removalReason: '复检合格',
      author: 'quality-li',
    });
    expect(await visible()).toEqual([b, c].sort());
    expect(JSON.parse((await eventOf(entryId, 'removed')).value!).data).toMatchObject({ reason: '复检合格', author: 'quality-wang' });

    await service.http.delete(`/blacklist/${entryId}`).set('Authorization', `Bearer ${other}`).send({ reason: 'again' }).expect(409);
    await service.http.delete('/blacklist/bl_00000000000000000000').set('Authorization', `Bearer ${other}`).send({ reason: 'x' }).expect(404);
    await service.http.delete(`/blacklist/${entryId}`).set('Authorization', `Bearer ${other}`).send({}).expect(400);

    const ended = await service.http.get('/blacklist').query({ kind: 'supplier', active: 'false' }).set('Authorization', `Bearer ${quality}`).expect(200);
    expect(ended.body.items.map((item: { entryId: string }) => item.entryId)).toContain(entryId);
    const active = await service.http.get('/blacklist').query({ active: 'true', limit: 1 }).set('Authorization', `Bearer ${quality}`).expect(200);
    expect(active.body.items).toHaveLength(1);
    expect(active.body.items[0].active).toBe(true);
    const next = await service.http
      .get('/blacklist')
      .query({ active: 'true', cursor: active.body.nextCursor })
      .set('Authorization', `Bearer ${quality}`)
      .expect(200);
    expect(next.body.items.map((item: { entryId: string }) => item.entryId)).not.toContain(active.body.items[0].entryId);
    // The same value may be blacklisted again once the entry is lifted.
    const again = await add({ target: { kind: 'supplier', value: supplier }, reason: '再次投诉' }).expect(201);
    expect(await visible()).toEqual([c]);
    await service.http.delete(`/blacklist/${again.body.entryId}`).set('Authorization', `Bearer ${other}`).send({ reason: '误报' }).expect(200);
  });

  it('stops applying an entry at its expiry and announces it expired', async () => {
    const expiresAt = new Date(Date.now() + 3_000);
    const created = await add({
      target: { kind: 'keyword', value: ` ${keyword.toUpperCase()} ` },
      reason: '虚假宣传',
      expiresAt: expiresAt.toISOString(),
    }).expect(201);
    const entryId: string = created.body.entryId;
    expect(await visible()).toEqual([c]);
    const expired = JSON.parse((await eventOf(entryId, 'expired')).value!) as BlacklistEvent;
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(expired.data).toMatchObject({ change: 'expired', author: 'system:blacklist-expiry', expiresAt: expiresAt.toISOString() });
    const entry = await service.http.get(`/blacklist/${entryId}`).set('Authorization', `Bearer ${quality}`).expect(200);
    expect(entry.body).toMatchObject({ state: 'expired', active: false, expiredAt: expect.any(String) });
    expect(await visible()).toEqual([b, c].sort());
  });

  it('replays the answer for a repeated Idempotency-Key instead of writing a second entry', async () => {
    const key = uniqueName('idem');
    const body = { target: { kind: 'keyword', value: uniqueName('kw') }, reason: '三无产品' };
    const first = await add(body).set('Idempotency-Key', key).expect(201);
    const again = await add(body).set('Idempotency-Key', key).expect(201);
    expect(again.body.entryId).toBe(first.body.entryId);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('hides on every instance: another one loads the entries at start and follows new ones from Kafka', async () => {
    const second = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, BLACKLIST_EXPIRY_SWEEP: 'false', SYNC_RESUME_ON_START: 'false' }, keepDatabase: true });
    try {
      await waitFor(async () => (await visible(second)).length > 0, { message: 'the second instance’s catalog index' });
      // The SKU entry of the first test, loaded from the store at start.
      expect(await visible(second)).toEqual([b, c].sort());
      const started = Date.now();
      await add({ target: { kind: 'category', value: fullWidth(subcategory) }, reason: '召回' }).expect(201);
      await waitFor(async () => (await visible(second)).length === 1, { timeoutMs: 10_000, intervalMs: 20, message: 'the second instance to hide the SKU' });
      expect(await visible(second)).toEqual([b]);
      const elapsedMs = Date.now() - started;
      console.log(`catalog-sync: an entry written on one instance hid the SKU on another after ${elapsedMs} ms`);
    } finally {
      await second.close();
    }
  }, 120_000);
});
