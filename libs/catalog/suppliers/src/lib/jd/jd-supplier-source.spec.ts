import type { JdOfferPayload, SourcePage } from '@supply-hub/catalog-domain';
import { DependencyUnavailableError, ValidationError } from '@supply-hub/errors';
import type { HttpClient } from '@supply-hub/http-client';
import { jdPasswordHash, jdTokenSign } from '@supply-hub/supplier-protocols';
import nock from 'nock';
import { FakeJd, fakeTimeSource } from '../../testing';
import { createJdSupplierSource } from './create-jd-supplier-source';
import type { JdSourceConfigInput } from './jd-source-config';

const BASE = 'http://jd.test';
// The worked example's account, so the token request's sign can be checked against the notes.
const config: JdSourceConfigInput = {
  kind: 'jd',
  id: 'jd',
  baseUrl: `${BASE}/jd/`,
  credentials: { clientId: 'sandbox-client', clientSecret: 'sandbox-secret', username: 'mall-supplier', password: 'p@ss-123' },
  recordsPerPage: 2,
  stockRecordsPerPage: 4,
  detailConcurrency: 4,
  http: { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 }, breaker: { volumeThreshold: 1000 } },
};

let jd: FakeJd;
let http: HttpClient | undefined;

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
beforeEach(() => {
  jd = new FakeJd(BASE);
  jd.install();
  jd.addPool('101', [100010000001, 100010000002, 100010000003, 100010000004]);
  jd.addPool('102', [100010000005]);
});
afterEach(() => {
  nock.cleanAll();
  http?.close();
  http = undefined;
});

function sourceWith(overrides: Partial<JdSourceConfigInput> = {}) {
  // 2026-11-22 12:00:00 in Beijing, the worked example's timestamp.
  const fake = fakeTimeSource({ startMs: Date.UTC(2026, 10, 22, 4, 0, 0) });
  const built = createJdSupplierSource({ ...config, ...overrides }, { time: fake.time });
  http = built.http;
  return { source: built.source, http: built.http, ...fake };
}

async function collect(pages: AsyncIterable<SourcePage<JdOfferPayload>>, limit = Infinity): Promise<SourcePage<JdOfferPayload>[]> {
  const collected: SourcePage<JdOfferPayload>[] = [];
  for await (const page of pages) {
    collected.push(page);
    if (collected.length >= limit) break;
  }
  return collected;
}

const skusOf = (pages: SourcePage<JdOfferPayload>[]) => pages.flatMap((page) => page.records.map((record) => record.externalId));

describe('JdSupplierSource token', () => {
  it('signs the token request as the worked example does', async () => {
    const { source } = sourceWith();
    await collect(source.fullSync(), 1);

    const [tokenCall] = jd.callsTo('oauth2/accessToken');
    expect(tokenCall.form).toEqual({
      grant_type: 'access_token',
      client_id: 'sandbox-client',
      client_secret: 'sandbox-secret',
      timestamp: '2026-11-22 12:00:00',
      username: 'mall-supplier',
      password: 'e89adbd0a681d3af05518d889a196482',
      scope: '',
      sign: '2C70A62BAA93E1B6B8D1A8262479CF53',
    });
    expect(jd.callsTo('api/product/getPageNum')[0].form['token']).toBe('access-1');
  });

  it('refreshes once on a rejected token, then repeats the call, with one refresh for many concurrent calls', async () => {
    jd.idsPerPage = 10;
    const { source } = sourceWith();
    const pages = source.fullSync()[Symbol.asyncIterator]();
    await pages.next();
    jd.expireTokens();

    const second = await pages.next();

    // Both getDetail calls of this page run at once and both meet the expired token.
    expect(second.value?.records.map((record: { externalId: string }) => record.externalId)).toEqual(['100010000003', '100010000004']);
    expect(jd.callsTo('api/product/getDetail').filter((call) => call.form['token'] === 'access-1')).toHaveLength(4);
    expect(jd.callsTo('oauth2/refreshToken')).toHaveLength(1);
    expect(jd.callsTo('oauth2/refreshToken')[0].form).toEqual({ refresh_token: 'refresh-1', client_id: 'sandbox-client', client_secret: 'sandbox-secret' });
    expect(jd.callsTo('oauth2/accessToken')).toHaveLength(1);
  });

  it('fails clearly when the renewed token is rejected as well, without looping', async () => {
    const { source } = sourceWith();
    jd.faults.push({ path: 'api/product/getPageNum', reply: [200, { success: false, resultCode: '1004', resultMessage: 'token已过期' }] });
    jd.faults.push({ path: 'api/product/getPageNum', reply: [200, { success: false, resultCode: '1004', resultMessage: 'token已过期' }] });

    await expect(collect(source.fullSync())).rejects.toThrow(/jd:product\/getPageNum refused: 1004/);
    expect(jd.callsTo('api/product/getPageNum')).toHaveLength(2);
    expect(jd.callsTo('oauth2/refreshToken')).toHaveLength(1);
  });

  it('renews an expiring token before using it, and signs in again when the refresh is refused', async () => {
    const { source, advance } = sourceWith();
    await collect(source.fullSync(), 1);
    advance(86_400_000);
    jd.faults.push({ path: 'oauth2/refreshToken', reply: [200, { success: false, resultCode: '1001', resultMessage: 'invalid client' }] });

    await collect(source.fullSync(), 1);

    expect(jd.callsTo('oauth2/refreshToken')).toHaveLength(1);
    expect(jd.callsTo('oauth2/accessToken')).toHaveLength(2);
    expect(jd.callsTo('oauth2/accessToken')[1].form['timestamp']).toBe('2026-11-23 12:00:00');
    expect(jd.callsTo('oauth2/accessToken')[1].form['sign']).toBe(
      jdTokenSign({
        clientSecret: 'sandbox-secret',
        timestamp: '2026-11-23 12:00:00',
        clientId: 'sandbox-client',
        username: 'mall-supplier',
        passwordHash: jdPasswordHash('p@ss-123'),
      }),
    );
  });
});

describe('JdSupplierSource full sync', () => {
  it('walks every pool page by page and assembles detail, state, price and stock per SKU', async () => {
    const { source } = sourceWith();

    const pages = await collect(source.fullSync());

    expect(skusOf(pages)).toEqual(['100010000001', '100010000002', '100010000003', '100010000004', '100010000005']);
    expect(pages.map((page) => JSON.parse(page.cursor ?? 'null'))).toEqual([
      // getSkuByPage pages hold 3 ids here, SourcePages at most 2 records: [1, 2] [3] | [4] || [5].
      { v: 1, phase: 'pool', pool: '101', poolIndex: 0, pageNo: 1, offset: 2 },
      { v: 1, phase: 'pool', pool: '101', poolIndex: 0, pageNo: 2, offset: 0 },
      { v: 1, phase: 'pool', pool: '102', poolIndex: 1, pageNo: 1, offset: 0 },
      { v: 1, phase: 'end' },
    ]);
    const record = pages[0].records[0];
    expect(record).toMatchObject({ sourceId: 'jd', kind: 'jd', externalId: '100010000001' });
    expect(record.payload).toEqual({
      sku: '100010000001',
      detail: expect.objectContaining({ name: '美的电饭煲 100010000001', category: '家用电器;厨房小电;电饭煲', upc: '6901234567892' }),
      price: { skuId: 100010000001, price: 99.5, jdPrice: 129 },
      state: { sku: 100010000001, state: 1 },
      stock: expect.objectContaining({ skuId: 100010000001, areaId: '1_0_0', stockStateId: 33 }),
    });
    // Batches: one skuState / getSellPrice / getNewStockById per page of records, never per SKU.
    expect(jd.callsTo('api/product/skuState').map((call) => call.form['sku'])).toEqual([
      '100010000001,100010000002',
      '100010000003',
      '100010000004',
      '100010000005',
    ]);
    expect(jd.callsTo('api/stock/getNewStockById')[0].form).toMatchObject({
      area: '1_0_0',
      skuNums: '[{"skuId":100010000001,"num":1},{"skuId":100010000002,"num":1}]',
    });
  });

  it("reads a page larger than JD's batches with its batch calls in hundreds", async () => {
    const skus = Array.from({ length: 250 }, (_, index) => 100020000001 + index);
    jd.addPool('201', skus);
    jd.idsPerPage = 1_000;
    const { source } = sourceWith({ recordsPerPage: 500 });

    const pages = await collect(source.fullSync());

    const bigPage = pages.find((page) => page.records.length === 250)!;
    expect(bigPage.records.map((record) => Number(record.externalId))).toEqual(skus);
    expect(bigPage.records.every((record) => record.payload.price && record.payload.state && record.payload.stock && record.payload.detail)).toBe(true);
    const batchesFor = (path: string, field: string, read: (value: string) => number) =>
      jd
        .callsTo(path)
        .map((call) => read(call.form[field]!))
        .filter((size) => size > 5);
    expect(batchesFor('api/product/skuState', 'sku', (value) => value.split(',').length)).toEqual([100, 100, 50]);
    expect(batchesFor('api/price/getSellPrice', 'sku', (value) => value.split(',').length)).toEqual([100, 100, 50]);
    expect(batchesFor('api/stock/getNewStockById', 'skuNums', (value) => JSON.parse(value).length)).toEqual([100, 100, 50]);
  });

  it('resumes exactly after the last page returned', async () => {
    const { source } = sourceWith();
    const [, second] = await collect(source.fullSync(), 2);

    const rest = await collect(source.fullSync({ resumeFrom: second.cursor }));

    expect(skusOf(rest)).toEqual(['100010000004', '100010000005']);
    expect(await collect(source.fullSync({ resumeFrom: rest.at(-1)?.cursor }))).toEqual([]);
  });

  it('resumes inside a getSkuByPage page', async () => {
    const { source } = sourceWith({ recordsPerPage: 1 });
    const [first] = await collect(source.fullSync(), 1);

    expect(JSON.parse(first.cursor ?? '')).toMatchObject({ pageNo: 1, offset: 1 });
    expect(skusOf(await collect(source.fullSync({ resumeFrom: first.cursor })))).toEqual(['100010000002', '100010000003', '100010000004', '100010000005']);
  });

  it('ends with an end cursor when the last pools are empty', async () => {
    jd.addPool('103', []);
    const { source } = sourceWith();

    const pages = await collect(source.fullSync());

    // The estimate counts pool 101 as 2 pages of 3 (it holds 4), pool 102 as its 1 SKU, pool 103 as empty.
    expect(pages.at(-1)).toEqual({ records: [], removedExternalIds: [], cursor: '{"v":1,"phase":"end"}', totalHint: 7 });
    expect(skusOf(pages)).toHaveLength(5);
  });

  it('refuses a cursor that is not its own', async () => {
    const { source } = sourceWith();
    await expect(collect(source.fullSync({ resumeFrom: '{"v":1,"window":[0,1]}' }))).rejects.toThrow(ValidationError);
    await expect(collect(source.fullSync({ resumeFrom: '{"v":1,"phase":"messages"}' }))).rejects.toThrow(/cannot resume a full sync/);
  });
});

describe('JdSupplierSource failures', () => {
  it('waits out a 429 with Retry-After and goes on', async () => {
    const { source, sleeps } = sourceWith();
    jd.faults.push({ path: 'api/product/getSkuByPage', reply: [429, 'slow down', { 'Retry-After': '2' }] });

    const pages = await collect(source.fullSync());

    expect(skusOf(pages)).toHaveLength(5);
    expect(sleeps).toContain(2_000);
  });

  it('retries a 5xx and a JD platform error answered as 200', async () => {
    const { source } = sourceWith();
    jd.faults.push({ path: 'api/product/skuState', reply: [502, 'bad gateway'] });
    jd.faults.push({ path: 'api/price/getSellPrice', reply: [200, { success: false, resultCode: '5000', resultMessage: '系统异常' }] });

    const pages = await collect(source.fullSync());

    expect(pages[0].records.every((record) => record.payload.state && record.payload.price && !record.payload.malformed)).toBe(true);
    // The failed call and one per page.
    expect(jd.callsTo('api/product/skuState')).toHaveLength(5);
  });

  it('retries a getDetail that times out', async () => {
    const { source } = sourceWith({ http: { timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 0 } } });
    jd.faults.push({ path: 'api/product/getDetail', reply: [200, { success: true, resultCode: '0000', result: null }], delayMs: 300 });

    const pages = await collect(source.fullSync(), 1);

    expect(pages[0].records.map((record) => record.payload.malformed)).toEqual([undefined, undefined]);
  });

  it('quarantines one SKU whose detail is unreadable, refused or incomplete and keeps pulling', async () => {
    // One detail at a time, so the two unreadable answers go to the same (first) SKU's two attempts.
    const { source } = sourceWith({ detailConcurrency: 1, http: { retry: { maxAttempts: 2, baseDelayMs: 0 } } });
    jd.details.set(100010000002, { sku: 100010000002, brandName: '美的' });
    jd.details.set(100010000003, null);
    jd.faults.push(
      { path: 'api/product/getDetail', reply: [200, '{"success":true,"result":{'] },
      { path: 'api/product/getDetail', reply: [200, '{"success":true,"result":{'] },
    );

    const records = (await collect(source.fullSync())).flatMap((page) => page.records);

    const malformed = Object.fromEntries(records.filter((record) => record.payload.malformed).map((record) => [record.externalId, record.payload.malformed]));
    expect(Object.keys(malformed)).toHaveLength(3);
    expect(malformed['100010000002']).toMatch(/^getDetail: name:/);
    expect(malformed['100010000003']).toMatch(/^getDetail: /);
    expect(Object.values(malformed).some((reason) => /invalid JSON body/.test(reason ?? ''))).toBe(true);
    expect(records.find((record) => record.externalId === '100010000002')?.payload.raw).toEqual({ sku: 100010000002, brandName: '美的' });
    expect(records).toHaveLength(5);
  });

  it('stops the pull when JD is unreachable, the breaker opens, and a later pull resumes from the cursor once it half-opens', async () => {
    const { source, http: client } = sourceWith({
      http: { retry: { maxAttempts: 2, baseDelayMs: 0 }, breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 100 } },
    });
    const [first] = await collect(source.fullSync(), 1);
    jd.faults.push({ path: 'api/price/getSellPrice', reply: [500, 'down'] }, { path: 'api/price/getSellPrice', reply: [500, 'down'] });

    await expect(collect(source.fullSync({ resumeFrom: first.cursor }))).rejects.toThrow(DependencyUnavailableError);
    expect(client.breakerStates()['jd:price/getSellPrice']).toBe('open');
    await expect(collect(source.fullSync({ resumeFrom: first.cursor }))).rejects.toThrow(/circuit breaker open/);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.breakerStates()['jd:price/getSellPrice']).toBe('half-open');
    expect(skusOf(await collect(source.fullSync({ resumeFrom: first.cursor })))).toEqual(['100010000003', '100010000004', '100010000005']);
    expect(client.breakerStates()['jd:price/getSellPrice']).toBe('closed');
  });

  it('fails with a clear error when an answer has no envelope', async () => {
    const { source } = sourceWith();
    jd.faults.push({ path: 'api/product/getPageNum', reply: [200, { data: [] }] });

    await expect(collect(source.fullSync())).rejects.toThrow(/jd:product\/getPageNum answered outside its protocol: envelope/);
  });
});

describe('JdSupplierSource changes', () => {
  const message = (id: string, type: number, result: Record<string, unknown>) => ({ id, type, time: '2026-11-22 12:00:00', result });

  it('fetches SKUs named by messages again, reports pool removals, and acknowledges only when asked for the next page', async () => {
    const { source } = sourceWith();
    jd.messages = [
      message('m1', 2, { skuId: 100010000001 }),
      message('m2', 16, { skuId: 100010000002 }),
      message('m3', 2, { skuId: 100010000001 }),
      message('m4', 6, { skuId: 100010000004, page_num: '101', state: 2 }),
    ];
    const pages = source.changesSince('{"v":1,"phase":"end"}')[Symbol.asyncIterator]();

    const first = (await pages.next()).value as SourcePage<JdOfferPayload>;
    expect(first.records.map((record) => record.externalId)).toEqual(['100010000001', '100010000002']);
    expect(first.records[0].payload.detail?.name).toBe('美的电饭煲 100010000001');
    expect(first.removedExternalIds).toEqual(['100010000004']);
    expect(first.cursor).toBe('{"v":1,"phase":"messages"}');
    expect(jd.callsTo('api/message/get')[0].form['type']).toBe('2,4,6,16');
    expect(jd.callsTo('api/message/del')).toHaveLength(0);

    const second = (await pages.next()).value as SourcePage<JdOfferPayload>;
    expect(jd.callsTo('api/message/del').map((call) => call.form['id'])).toEqual(['m1,m2,m3,m4']);
    expect(second.records.every((record) => record.payload.stockOnly && record.payload.stock && !record.payload.detail)).toBe(true);
  });

  it('re-delivers unacknowledged messages after a crash', async () => {
    const { source } = sourceWith();
    jd.messages = [message('m1', 4, { skuId: 100010000003, state: 0 })];
    await collect(source.changesSince(null), 1);

    const again = await collect(source.changesSince(null), 1);

    expect(again[0].records.map((record) => record.externalId)).toEqual(['100010000003']);
  });

  it('polls the stock of every pooled SKU as stock-only records and resumes inside the poll', async () => {
    const { source } = sourceWith();
    const pages = await collect(source.changesSince(null));

    expect(skusOf(pages)).toEqual(['100010000001', '100010000002', '100010000003', '100010000004', '100010000005']);
    expect(pages.at(-1)?.cursor).toBe('{"v":1,"phase":"end"}');
    expect(pages[0].records[0].payload).toEqual({
      sku: '100010000001',
      detail: null,
      price: null,
      state: null,
      stock: expect.objectContaining({ stockStateId: 33, remainNum: 100010000001 % 50 }),
      stockOnly: true,
    });
    // Stock pages hold up to 4 records but never cross a getSkuByPage page: [1, 2, 3] | [4] || [5].
    expect(skusOf(await collect(source.changesSince(null, { resumeFrom: pages[0].cursor })))).toEqual(['100010000004', '100010000005']);
  });

  it('names each slice the same way in a full pull and a stock poll of the same page size', async () => {
    const { source } = sourceWith({ recordsPerPage: 2, stockRecordsPerPage: 2 });
    const full = await collect(source.fullSync());
    const stock = (await collect(source.changesSince(null))).filter((page) => page.records.some((record) => record.payload.stockOnly));

    const keys = (pages: SourcePage<JdOfferPayload>[]) => pages.filter((page) => page.records.length > 0).map((page) => [page.snapshotKey, skusOf([page])]);
    expect(keys(stock)).toEqual(keys(full));
    expect(new Set(full.map((page) => page.snapshotKey)).size).toBe(full.length);
    expect(full[0].snapshotKey).toBe('101/1/0+2');
  });

  it('stops the message phase when JD sends deleted messages again', async () => {
    const { source } = sourceWith();
    jd.messages = [message('m1', 2, { skuId: 100010000001 })];
    // A message/del that answers true but deletes nothing.
    jd.faults.push({ path: 'api/message/del', reply: [200, { success: true, resultCode: '0000', result: true }] });

    const pages = await collect(source.changesSince(null));

    expect(jd.callsTo('api/message/get')).toHaveLength(2);
    expect(pages[0].records.map((record) => record.externalId)).toEqual(['100010000001']);
    expect(pages.at(-1)?.cursor).toBe('{"v":1,"phase":"end"}');
  });
});
