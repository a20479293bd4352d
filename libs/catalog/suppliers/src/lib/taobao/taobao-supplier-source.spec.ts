import type { SourcePage, TaobaoOfferPayload } from '@supply-hub/catalog-domain';
import { DependencyUnavailableError } from '@supply-hub/errors';
import { type HttpClient, upstreamFailureKindOf } from '@supply-hub/http-client';
import { SupplierAnswerMalformedError, SupplierRefusedError } from '@supply-hub/supplier-clients';
import { taobaoSign } from '@supply-hub/supplier-protocols';
import nock from 'nock';
import { error, FakeTaobao, fakeTimeSource, taobaoItemOf } from '../../testing';
import { createTaobaoSupplierSource } from './create-taobao-supplier-source';
import type { TaobaoSourceConfigInput } from './taobao-source-config';

const BASE = 'http://top.test';
const NOW = Date.UTC(2026, 10, 22, 4, 0, 0); // 2026-11-22 12:00:00 in Beijing
const config: TaobaoSourceConfigInput = {
  kind: 'taobao',
  id: 'taobao',
  baseUrl: `${BASE}/taobao/`,
  credentials: { appKey: 'app', appSecret: 'sandbox-secret', session: 'seller-session' },
  pageSize: 2,
  deepPagingCap: 100,
  http: { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 }, breaker: { volumeThreshold: 1000 } },
};

let top: FakeTaobao;
let http: HttpClient | undefined;

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
beforeEach(() => {
  top = new FakeTaobao(BASE, 'sandbox-secret');
  top.install();
  top.items = [
    taobaoItemOf(520000000001, '2026-11-01 08:00:00'),
    taobaoItemOf(520000000002, '2026-11-02 08:00:00'),
    taobaoItemOf(520000000003, '2026-11-03 08:00:00'),
    taobaoItemOf(520000000004, '2026-11-20 08:00:00'),
    taobaoItemOf(520000000005, '2026-11-21 08:00:00'),
  ];
});
afterEach(() => {
  nock.cleanAll();
  http?.close();
  http = undefined;
});

function sourceWith(overrides: Partial<TaobaoSourceConfigInput> = {}) {
  const fake = fakeTimeSource({ startMs: NOW });
  const built = createTaobaoSupplierSource({ ...config, ...overrides }, { time: fake.time });
  http = built.http;
  return { ...built, ...fake };
}

async function collect(pages: AsyncIterable<SourcePage<TaobaoOfferPayload>>, limit = Infinity) {
  const collected: SourcePage<TaobaoOfferPayload>[] = [];
  for await (const page of pages) {
    collected.push(page);
    if (collected.length >= limit) break;
  }
  return collected;
}

const idsOf = (pages: SourcePage<TaobaoOfferPayload>[]) => pages.flatMap((page) => page.records.map((record) => record.externalId));
const ALL = ['520000000001', '520000000002', '520000000003', '520000000004', '520000000005'];

describe('TaobaoSupplierSource full sync', () => {
  it('pages items.onsale.get by modified time with signed requests and ends with the pull’s upper bound', async () => {
    const { source } = sourceWith({ signMethod: 'hmac-sha256' });

    const pages = await collect(source.fullSync());

    expect(idsOf(pages)).toEqual(ALL);
    expect(pages.map((page) => page.cursor)).toEqual([
      '{"v":1,"phase":"windows","windows":[["2000-01-01 00:00:00","2026-11-22 12:00:00"]],"pageNo":2,"until":"2026-11-22 12:00:00"}',
      '{"v":1,"phase":"windows","windows":[["2000-01-01 00:00:00","2026-11-22 12:00:00"]],"pageNo":3,"until":"2026-11-22 12:00:00"}',
      '{"v":1,"phase":"end","since":"2026-11-22 12:00:00"}',
    ]);
    expect(pages[0].totalHint).toBe(5);
    expect(pages[0].records[0]).toEqual({
      sourceId: 'taobao',
      kind: 'taobao',
      externalId: '520000000001',
      payload: { item: taobaoItemOf(520000000001, '2026-11-01 08:00:00') },
    });
    const [first] = top.callsOf('taobao.items.onsale.get');
    expect(first).toMatchObject({ page_no: '1', page_size: '2', order_by: 'modified:asc', sign_method: 'hmac-sha256', start_modified: '2000-01-01 00:00:00' });
    const { sign, ...unsigned } = first;
    expect(sign).toBe(taobaoSign(unsigned, 'sandbox-secret', 'hmac-sha256'));
  });

  it('splits a window deeper than the paging cap into modified-time halves and reads every item once', async () => {
    top.cap = 4;
    const { source } = sourceWith({ deepPagingCap: 4 });

    const pages = await collect(source.fullSync());

    expect(idsOf(pages)).toEqual(ALL);
    const requests = top.callsOf('taobao.items.onsale.get');
    expect(requests.every((call) => Number(call['page_no']) * Number(call['page_size']) <= 4)).toBe(true);
    expect(new Set(requests.map((call) => `${call['start_modified']}..${call['end_modified']}`)).size).toBeGreaterThan(1);
    expect(pages.at(-1)?.cursor).toBe('{"v":1,"phase":"end","since":"2026-11-22 12:00:00"}');
  });

  it('resumes exactly after the last page returned, windows included', async () => {
    top.cap = 4;
    const { source } = sourceWith({ deepPagingCap: 4 });
    const all = await collect(source.fullSync());

    for (let i = 0; i < all.length - 1; i++) {
      const rest = await collect(source.fullSync({ resumeFrom: all[i].cursor }));
      expect(idsOf(rest)).toEqual(idsOf(all.slice(i + 1)));
    }
    expect(await collect(source.fullSync({ resumeFrom: all.at(-1)?.cursor }))).toEqual([]);
  });

  it('yields an item that breaks the schema for quarantine and keeps the rest', async () => {
    const broken = { ...taobaoItemOf(520000000002, '2026-11-02 08:00:00'), price: undefined, approve_status: 'sold' } as never;
    top.items[1] = broken;
    const { source } = sourceWith();

    const records = (await collect(source.fullSync())).flatMap((page) => page.records);

    expect(records).toHaveLength(5);
    const bad = records.find((record) => record.externalId === '520000000002');
    expect(bad?.payload).toEqual({
      item: null,
      malformed: expect.stringMatching(/^item: price: .*approve_status/),
      raw: expect.objectContaining({ num_iid: 520000000002 }),
    });
  });
});

describe('TaobaoSupplierSource changes', () => {
  it('reads items modified since the last pull’s end, less the overlap', async () => {
    const { source } = sourceWith({ overlapMs: 60 * 60 * 1000 });

    const pages = await collect(source.changesSince('{"v":1,"phase":"end","since":"2026-11-20 08:30:00"}'));

    expect(idsOf(pages)).toEqual(['520000000004', '520000000005']);
    expect(top.callsOf('taobao.items.onsale.get')[0]).toMatchObject({ start_modified: '2026-11-20 07:30:00', end_modified: '2026-11-22 12:00:00' });
    expect(pages.at(-1)?.cursor).toBe('{"v":1,"phase":"end","since":"2026-11-22 12:00:00"}');
  });

  it('refuses a since that is not an end cursor', async () => {
    const { source } = sourceWith();
    await expect(collect(source.changesSince('{"v":1,"phase":"messages"}'))).rejects.toThrow(/cursor does not belong to this source/);
  });
});

describe('TaobaoSupplierSource failures', () => {
  it('retries platform errors (isp.*, call limit) answered as 200', async () => {
    const { source } = sourceWith();
    top.faults.push({ method: 'taobao.items.onsale.get', reply: error(15, 'Remote service error', 'isp.remote-service-timeout') });
    top.faults.push({ method: 'taobao.items.onsale.get', reply: error(7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count') });

    expect(idsOf(await collect(source.fullSync()))).toEqual(ALL);
    expect(top.callsOf('taobao.items.onsale.get')).toHaveLength(5);
  });

  it('fails at once on the caller’s errors (isv.*, bad session)', async () => {
    const { source } = sourceWith();
    top.faults.push({ method: 'taobao.items.onsale.get', reply: error(27, 'Invalid session') });

    const failure = await collect(source.fullSync()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(SupplierRefusedError);
    expect((failure as SupplierRefusedError).details).toMatchObject({ endpoint: 'taobao:taobao.items.onsale.get', supplierCode: '27' });
    expect(top.callsOf('taobao.items.onsale.get')).toHaveLength(1);
  });

  it('refuses a bad signature (the gateway checks it) without retrying', async () => {
    const { source } = sourceWith({ credentials: { appKey: 'app', appSecret: 'wrong-secret', session: 'seller-session' } });
    await expect(collect(source.fullSync())).rejects.toThrow(/refused: 25 Invalid signature/);
  });

  it('waits out a 429 with Retry-After, and retries 5xx and timeouts', async () => {
    const { source, sleeps } = sourceWith({ http: { timeoutMs: 50, retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 100 } } });
    top.faults.push({ method: 'taobao.items.onsale.get', reply: [429, '', { 'Retry-After': '4' }] });
    top.faults.push({ method: 'taobao.items.onsale.get', reply: [503, 'busy'] });
    top.faults.push({ method: 'taobao.items.onsale.get', reply: [200, {}], delayMs: 300 });

    expect(idsOf(await collect(source.fullSync()))).toEqual(ALL);
    expect(sleeps[0]).toBe(4_000);
  });

  it('opens the breaker when the gateway keeps failing and rejects fast while open', async () => {
    const { source, http: client } = sourceWith({
      http: { retry: { maxAttempts: 2, baseDelayMs: 0 }, breaker: { volumeThreshold: 2, resetTimeoutMs: 10_000 } },
    });
    top.faults.push({ method: 'taobao.items.onsale.get', reply: [500, 'x'] }, { method: 'taobao.items.onsale.get', reply: [500, 'x'] });

    await expect(collect(source.fullSync())).rejects.toThrow(DependencyUnavailableError);
    expect(client.breakerStates()).toEqual({ 'taobao:taobao.items.onsale.get': 'open' });
    const rejected = await collect(source.fullSync()).catch((e: unknown) => e);
    expect(upstreamFailureKindOf(rejected)).toBe('breaker-open');
    expect(top.callsOf('taobao.items.onsale.get')).toHaveLength(2);
  });

  it('fails with a clear error on an unreadable body or a missing response wrapper', async () => {
    const { source } = sourceWith({ http: { retry: { maxAttempts: 1 } } });
    top.faults.push({ method: 'taobao.items.onsale.get', reply: [200, '{"items_onsale_get_response":'] });
    const unreadable = await collect(source.fullSync()).catch((e: unknown) => e);
    expect(upstreamFailureKindOf(unreadable)).toBe('invalid-body');

    top.faults.push({ method: 'taobao.items.onsale.get', reply: [200, { items_get_response: {} }] });
    await expect(collect(source.fullSync())).rejects.toThrow(SupplierAnswerMalformedError);
    top.faults.push({ method: 'taobao.items.onsale.get', reply: [200, { items_onsale_get_response: { items: [] } }] });
    await expect(collect(source.fullSync())).rejects.toThrow(/answered outside its protocol: total_results/);
  });
});
