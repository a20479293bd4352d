import type { RechargeRequest } from '@supply-hub/codes-domain';
import { JUHE_ERROR_CODES, juheNotifyForm, juheOrderSign } from '@supply-hub/supplier-protocols';
import nock from 'nock';
import { RECHARGE_SANDBOX_CREDENTIALS, rechargeProvidersConfigSchema } from '../config/recharge-providers-config';
import { createRechargeProviders, type RechargeProviderSet } from '../create-recharge-providers';

const BASE = 'http://juhe.test';
const { key: KEY, openId: OPEN_ID } = RECHARGE_SANDBOX_CREDENTIALS.juhe;
const TOP_UP: RechargeRequest = { orderNo: 'rch_0002', kind: 'mobile', providerProductId: '50', account: '13800138000', faceValueFen: 5_000, quantity: 1 };
const TAKEN = {
  cardid: '10050',
  cardnum: '1',
  ordercash: 49.25,
  cardname: '中国移动话费50元',
  sporder_id: 'J26112212000001',
  uorderid: 'rch_0002',
  game_userid: '13800138000',
  game_state: '0',
};

const ok = (result: unknown, reason = '成功'): [number, unknown] => [200, { reason, result, error_code: 0 }];
const error = (code: number, reason = '错误'): [number, unknown] => [200, { reason, result: null, error_code: code }];

let set: RechargeProviderSet | undefined;
function provider(extra: Record<string, unknown> = {}) {
  const config = rechargeProvidersConfigSchema.parse({
    providers: [
      {
        kind: 'juhe',
        id: 'juhe',
        baseUrl: `${BASE}/`,
        ...RECHARGE_SANDBOX_CREDENTIALS.juhe,
        http: {
          timeoutMs: 100,
          retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
          breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 80 },
        },
        ...extra,
      },
    ],
  });
  set = createRechargeProviders(config);
  return set.byId('juhe')!;
}

/** The API behind nock: each path's query strings seen, answers from one queue. */
function api(...replies: [number, unknown][]) {
  const seen: { path: string; query: Record<string, string> }[] = [];
  nock(BASE)
    .get(/\/ofpay\/mobile\/.*/)
    .times(replies.length)
    .reply(async (request: Request) => {
      const url = new URL(request.url);
      seen.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
      return replies[seen.length - 1]!;
    });
  return seen;
}

afterEach(() => {
  nock.cleanAll();
  set?.close();
  set = undefined;
});
afterAll(() => nock.restore());

describe('JuheRechargeProvider: submit', () => {
  it('sends onlineorder with the face value in yuan and md5(openId + key + phoneno + cardnum + orderid)', async () => {
    const seen = api(ok(TAKEN, '订单提交成功，等待充值'));
    expect(await provider({ callbackUrl: 'http://codes.test/notify/juhe' }).submit(TOP_UP)).toEqual({
      state: 'processing',
      providerOrderId: 'J26112212000001',
    });
    expect(seen).toEqual([
      {
        path: '/ofpay/mobile/onlineorder',
        query: {
          key: KEY,
          phoneno: '13800138000',
          cardnum: '50',
          orderid: 'rch_0002',
          sign: '03407f009f006b878e4a8e8d93f11718',
          callback: 'http://codes.test/notify/juhe',
        },
      },
    ]);
    expect(seen[0]!.query['sign']).toBe(juheOrderSign({ openId: OPEN_ID, key: KEY, phoneno: '13800138000', cardnum: '50', orderid: 'rch_0002' }));
  });

  it('reads a repeated orderid as duplicate, a refusal as failed, a system error as unknown', async () => {
    api(error(JUHE_ERROR_CODES.duplicateOrder), error(JUHE_ERROR_CODES.numberNotAllowed, '不允许充值的手机号码及金额'), error(JUHE_ERROR_CODES.systemError));
    const juhe = provider();
    expect(await juhe.submit(TOP_UP)).toEqual({ state: 'duplicate' });
    expect(await juhe.submit(TOP_UP)).toEqual({ state: 'failed', reason: '208501 不允许充值的手机号码及金额' });
    expect(await juhe.submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('10014') });
  });

  it('never repeats a submit whose answer was lost (timeout, 5xx)', async () => {
    let requests = 0;
    nock(BASE)
      .persist()
      .get(/onlineorder/)
      .reply(async () => {
        requests += 1;
        if (requests === 1) await new Promise((resolve) => setTimeout(resolve, 300));
        return requests === 1 ? ok(TAKEN) : [500, ''];
      });
    const juhe = provider();
    expect(await juhe.submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('timed out') });
    expect(await juhe.submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('HTTP 500') });
    expect(requests).toBe(2);
  });

  it('refuses before sending what the API cannot sell', async () => {
    const juhe = provider();
    expect(await juhe.submit({ ...TOP_UP, kind: 'direct' })).toMatchObject({ state: 'failed', reason: expect.stringContaining('mobile top-ups only') });
    expect(await juhe.submit({ ...TOP_UP, faceValueFen: 4_950 })).toMatchObject({ state: 'failed', reason: expect.stringContaining('whole yuan') });
    expect(await juhe.submit({ ...TOP_UP, account: undefined })).toMatchObject({ state: 'failed' });
  });

  it('opens its breaker after an outage: unavailable and not sent, until the reset timeout lets a trial through', async () => {
    api([503, ''], [503, '']);
    const juhe = provider();
    await juhe.submit(TOP_UP);
    await juhe.submit(TOP_UP);
    expect(juhe.isAvailable()).toBe(false);
    expect(await juhe.submit(TOP_UP)).toMatchObject({ state: 'not-sent' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(juhe.isAvailable()).toBe(true);
    api(ok(TAKEN));
    expect(await juhe.submit(TOP_UP)).toMatchObject({ state: 'processing' });
    expect(set!.breakerStates()).toEqual({ juhe: { 'juhe:onlineorder': 'closed' } });
  });
});

describe('JuheRechargeProvider: query', () => {
  it('maps game_state 0, 1 and 9, an unknown order, and unreadable answers', async () => {
    const seen = api(
      ok({ uordercash: '49.250', sporder_id: 'J1', game_state: '0' }),
      ok({ uordercash: '49.250', sporder_id: 'J1', game_state: 1 }),
      ok({ uordercash: '49.250', sporder_id: 'J1', game_state: '9', err_msg: '号码已停机' }),
      error(JUHE_ERROR_CODES.orderNotFound),
      ok({ sporder_id: 'J1', game_state: '5' }),
      [200, '<html>'],
      [200, '<html>'],
    );
    const juhe = provider();
    expect(await juhe.query('rch_0002')).toEqual({ state: 'processing', providerOrderId: 'J1' });
    expect(await juhe.query('rch_0002')).toEqual({ state: 'success', providerOrderId: 'J1' });
    expect(await juhe.query('rch_0002')).toEqual({ state: 'failed', reason: '号码已停机' });
    expect(await juhe.query('rch_0002')).toEqual({ state: 'not-found' });
    expect(await juhe.query('rch_0002')).toMatchObject({ state: 'unknown', reason: expect.stringContaining('unreadable') });
    expect(await juhe.query('rch_0002')).toMatchObject({ state: 'unknown', reason: expect.stringContaining('after 2 attempts') });
    expect(seen[0]).toEqual({ path: '/ofpay/mobile/ordersta', query: { orderid: 'rch_0002', key: KEY } });
  });
});

describe('JuheRechargeProvider: notify', () => {
  it('reads a form signed md5(key + sporder_id + orderid) and refuses others', () => {
    const juhe = provider();
    const form = (fields: Parameters<typeof juheNotifyForm>[0], key: string = KEY) => new URLSearchParams(juheNotifyForm(fields, key)).toString();
    expect(juhe.notifyAck).toBe('success');
    expect(juhe.readNotify({ body: form({ sporder_id: 'J1', orderid: 'rch_0002', sta: '1' }) })).toEqual({
      ok: true,
      orderNo: 'rch_0002',
      state: { state: 'success', providerOrderId: 'J1' },
    });
    expect(juhe.readNotify({ body: form({ sporder_id: 'J1', orderid: 'rch_0002', sta: '9', err_msg: '运营商维护' }) })).toEqual({
      ok: true,
      orderNo: 'rch_0002',
      state: { state: 'failed', reason: '运营商维护' },
    });
    expect(juhe.readNotify({ body: form({ sporder_id: 'J1', orderid: 'rch_0002', sta: '1' }, 'other-key') })).toEqual({ ok: false, reason: 'bad-sign' });
    expect(juhe.readNotify({ body: 'sporder_id=J1&orderid=rch_0002&sta=1' })).toMatchObject({ ok: false, reason: expect.stringContaining('sign') });
    expect(juhe.readNotify({ body: '{"orderid":"rch_0002"}' })).toMatchObject({ ok: false, reason: expect.stringContaining('bad-fields') });
  });
});
