import { JD_SOURCE } from '@supply-hub/sim-catalog-data';
import { formatBeijingTime, JD_MESSAGE_TYPES, jdPasswordHash, type JdSkuPage, type JdTokenResult, jdTokenSign } from '@supply-hub/supplier-protocols';
import type { SandboxResponse } from '../http/sandbox-response';
import { JD_TEST_CREDENTIALS, sandboxWorld, testClock } from '../testing/sandbox-fixtures';
import { JdMessageQueue } from './jd-messages';
import { JdOrderMethods } from './jd-order-methods';
import { DEFAULT_JD_ORDER_SETTINGS } from './jd-order-settings';
import { JdOrderBook } from './jd-orders';
import { JdPools } from './jd-pools';
import { JdSandbox } from './jd-sandbox';
import { JdTokenStore } from './jd-token-store';

/** The worked example of the protocol notes, as a form. */
const WORKED_FORM = {
  grant_type: 'access_token',
  client_id: 'sandbox-client',
  client_secret: 'sandbox-secret',
  timestamp: '2026-11-22 12:00:00',
  username: 'mall-supplier',
  password: 'e89adbd0a681d3af05518d889a196482',
  scope: '',
  sign: '2C70A62BAA93E1B6B8D1A8262479CF53',
};

const body = <R>(answer: SandboxResponse) => JSON.parse(String(answer.body)) as { success: boolean; resultCode: string; resultMessage: string; result: R };

function setup(skus = 2_000) {
  const clock = testClock();
  const { world, gate } = sandboxWorld({ skus, clock: clock.now });
  const pools = new JdPools(world);
  const messages = new JdMessageQueue((index) => pools.poolOf(index));
  world.onChange((round) => messages.enqueue(round));
  const tokens = new JdTokenStore(JD_TEST_CREDENTIALS, clock.now);
  const orders = new JdOrderBook({ ...DEFAULT_JD_ORDER_SETTINGS, stepIntervalMs: 0 }, 'unit', messages, clock.now);
  const jd = new JdSandbox(world, gate, tokens, messages, pools, JD_TEST_CREDENTIALS, new JdOrderMethods(world, orders));
  const call = async <R = unknown>(method: Parameters<JdSandbox['handle']>[0], form: Record<string, string>) => body<R>(await jd.handle(method, form));
  const login = async () => (await call<JdTokenResult>('oauth2/accessToken', WORKED_FORM)).result.access_token;
  return { world, clock, call, login, tokens };
}

describe('JD sandbox: tokens', () => {
  it('issues a token for the worked example of the protocol notes', async () => {
    const { call } = setup();
    const answer = await call('oauth2/accessToken', WORKED_FORM);
    expect(answer).toMatchObject({ success: true, resultCode: '0000', result: { expires_in: 60, refresh_token: expect.any(String) } });
  });

  it('refuses a tampered signature, a wrong secret and a wrong password with their own codes', async () => {
    const { call } = setup();
    expect(await call('oauth2/accessToken', { ...WORKED_FORM, sign: '2C70A62BAA93E1B6B8D1A8262479CF54' })).toMatchObject({
      success: false,
      resultCode: '1002',
    });
    // Any signed field changed after signing breaks the signature.
    expect(await call('oauth2/accessToken', { ...WORKED_FORM, timestamp: '2026-11-22 12:00:01' })).toMatchObject({ success: false, resultCode: '1002' });
    expect(await call('oauth2/accessToken', { ...WORKED_FORM, client_secret: 'other' })).toMatchObject({ success: false, resultCode: '1001' });
    const password = jdPasswordHash('wrong');
    const sign = jdTokenSign({
      clientSecret: 'sandbox-secret',
      timestamp: WORKED_FORM.timestamp,
      clientId: 'sandbox-client',
      username: 'mall-supplier',
      passwordHash: password,
    });
    expect(await call('oauth2/accessToken', { ...WORKED_FORM, password, sign })).toMatchObject({ success: false, resultCode: '1005' });
    expect(await call('oauth2/accessToken', { ...WORKED_FORM, sign: undefined as unknown as string })).toMatchObject({ success: false, resultCode: '2001' });
  });

  it('expires tokens after their lifetime and refreshes them', async () => {
    const { call, login, clock } = setup();
    const token = await login();
    expect(await call('product/getPageNum', { token })).toMatchObject({ success: true });
    clock.advance(61_000);
    expect(await call('product/getPageNum', { token })).toMatchObject({ success: false, resultCode: '1004' });
    expect(await call('product/getPageNum', { token: 'no-such-token' })).toMatchObject({ success: false, resultCode: '1003' });

    const first = await call<JdTokenResult>('oauth2/accessToken', WORKED_FORM);
    clock.advance(61_000);
    const refreshed = await call<JdTokenResult>('oauth2/refreshToken', {
      refresh_token: first.result.refresh_token,
      client_id: 'sandbox-client',
      client_secret: 'sandbox-secret',
    });
    expect(refreshed).toMatchObject({ success: true, result: { refresh_token: first.result.refresh_token } });
    expect(await call('product/getPageNum', { token: refreshed.result.access_token })).toMatchObject({ success: true });
    expect(await call('oauth2/refreshToken', { refresh_token: 'nope', client_id: 'sandbox-client', client_secret: 'sandbox-secret' })).toMatchObject({
      resultCode: '1003',
    });
    clock.advance(3_600_000);
    expect(
      await call('oauth2/refreshToken', { refresh_token: first.result.refresh_token, client_id: 'sandbox-client', client_secret: 'sandbox-secret' }),
    ).toMatchObject({
      resultCode: '1004',
    });
  });
});

describe('JD sandbox: catalog', () => {
  it('pages every SKU of every pool exactly once, up to 10,000 ids a page', async () => {
    const { call, login, world } = setup(60_000);
    const token = await login();
    const pools = (await call('product/getPageNum', { token })).result as { page_num: string }[];
    expect(pools).toHaveLength(2);
    const ids: number[] = [];
    for (const pool of pools) {
      for (let pageNo = 1; ; pageNo++) {
        const page = (await call<JdSkuPage>('product/getSkuByPage', { token, pageNum: pool.page_num, pageNo: String(pageNo) })).result;
        expect(page.skuIds.length).toBeLessThanOrEqual(10_000);
        ids.push(...page.skuIds);
        if (pageNo >= page.pageCount) break;
      }
    }
    expect(ids).toHaveLength(world.count(JD_SOURCE.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses unknown pools, page 0, unknown SKUs and batches over 100 with 2001', async () => {
    const { call, login, world } = setup();
    const token = await login();
    expect(await call('product/getSkuByPage', { token, pageNum: '1', pageNo: '1' })).toMatchObject({ success: false, resultCode: '2001' });
    expect(await call('product/getSkuByPage', { token, pageNum: '9001', pageNo: '0' })).toMatchObject({ success: false, resultCode: '2001' });
    expect(await call('product/getDetail', { token, sku: '123' })).toMatchObject({ success: false, resultCode: '2001' });
    const many = Array.from({ length: 101 }, (_, i) => world.externalId(JD_SOURCE.id, i)).join(',');
    expect(await call('price/getSellPrice', { token, sku: many })).toMatchObject({ success: false, resultCode: '2001' });
    expect(await call('stock/getNewStockById', { token, skuNums: '[]', area: '1_0_0' })).toMatchObject({ success: false, resultCode: '2001' });
    expect(await call('stock/getNewStockById', { token, skuNums: `[{"skuId":${world.externalId(JD_SOURCE.id, 0)},"num":1}]`, area: 'beijing' })).toMatchObject({
      resultCode: '2001',
    });
  });

  it('answers detail, state, price and stock from the world', async () => {
    const { call, login, world } = setup();
    const token = await login();
    const offer = world.offer(JD_SOURCE.id, 7);
    const detail = (await call('product/getDetail', { token, sku: offer.externalId, queryExts: 'imagePaths' })).result;
    expect(detail).toMatchObject({
      sku: Number(offer.externalId),
      name: offer.title ?? '',
      category: offer.categoryPath.join(';'),
      upc: offer.barcode ?? '',
      imagePaths: offer.images,
    });
    const prices = (await call('price/getSellPrice', { token, sku: `${offer.externalId},999` })).result;
    expect(prices).toEqual([{ skuId: Number(offer.externalId), price: offer.supplyPriceFen / 100, jdPrice: offer.marketPriceFen / 100 }]);
    expect((await call('product/skuState', { token, sku: offer.externalId })).result).toEqual([{ sku: Number(offer.externalId), state: 1 }]);
    const stock = (await call('stock/getNewStockById', { token, skuNums: JSON.stringify([{ skuId: Number(offer.externalId), num: 1 }]), area: '1_0_0' }))
      .result;
    expect(stock).toEqual([expect.objectContaining({ skuId: Number(offer.externalId), areaId: '1_0_0', stockStateId: expect.any(Number) })]);
  });
});

describe('JD sandbox: messages', () => {
  it('queues price, listing, pool and detail messages for JD changes, none for stock-outs, until deleted', async () => {
    const { call, login, world, clock } = setup();
    const token = await login();
    const round = world.applyChanges({ priceMoves: 30, delistings: 10, newSkus: 10, detailChanges: 10, stockOuts: 20 }, clock.now());
    const jdChanges = round.changes.filter((change) => change.sourceId === 'jd' && change.kind !== 'stock-out');
    const messages = (await call('message/get', { token, type: '2,4,6,16' })).result as { id: string; type: number; time: string; result: { skuId: number } }[];
    expect(messages).toHaveLength(jdChanges.length);
    expect(new Set(messages.map((m) => m.type))).toEqual(
      new Set([JD_MESSAGE_TYPES.priceChanged, JD_MESSAGE_TYPES.listingChanged, JD_MESSAGE_TYPES.poolChanged, JD_MESSAGE_TYPES.productChanged]),
    );
    expect(messages[0]!.time).toBe(formatBeijingTime(clock.now()));
    expect(messages.map((m) => m.result.skuId).sort()).toEqual(jdChanges.map((c) => Number(c.externalId)).sort());

    const onlyPrices = (await call('message/get', { token, type: '2' })).result as { type: number }[];
    expect(onlyPrices.every((m) => m.type === 2)).toBe(true);

    const [first, second] = messages;
    expect(await call('message/del', { token, id: `${first!.id},${second!.id}` })).toMatchObject({ success: true, result: true });
    const again = (await call('message/get', { token, type: '2,4,6,16' })).result as { id: string }[];
    expect(again.map((m) => m.id)).toEqual(messages.slice(2).map((m) => m.id));
  });
});
