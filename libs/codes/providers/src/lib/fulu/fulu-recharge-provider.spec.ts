import type { RechargeRequest } from '@supply-hub/codes-domain';
import { systemTimeSource } from '@supply-hub/http-client';
import { encryptFuluCardPassword, FULU_ANSWER_CODES, fuluAnswer, fuluNotifyBody, fuluRequestSchema, verifyFuluSign } from '@supply-hub/supplier-protocols';
import nock from 'nock';
import { RECHARGE_SANDBOX_CREDENTIALS, rechargeProvidersConfigSchema } from '../config/recharge-providers-config';
import { createRechargeProviders, type RechargeProviderSet } from '../create-recharge-providers';

const BASE = 'http://fulu.test';
const SECRET = RECHARGE_SANDBOX_CREDENTIALS.fulu.appSecret;
const NOW = Date.parse('2026-11-22T12:00:00+08:00');
const ORDER = { order_id: 'FL1', customer_order_no: 'rch_0001', product_id: '10050', buy_num: 1, create_time: '2026-11-22 12:00:00' };
const TOP_UP: RechargeRequest = { orderNo: 'rch_0001', kind: 'direct', providerProductId: '10050', account: '13800138000', faceValueFen: 5_000, quantity: 1 };

const answer = (code: number, result?: unknown) => fuluAnswer(code, code === 0 ? '成功' : '失败', result, SECRET);
const order = (fields: Record<string, unknown>) => answer(0, { ...ORDER, ...fields });

let set: RechargeProviderSet | undefined;
function provider() {
  const config = rechargeProvidersConfigSchema.parse({
    providers: [
      {
        kind: 'fulu',
        id: 'fulu',
        baseUrl: `${BASE}/`,
        ...RECHARGE_SANDBOX_CREDENTIALS.fulu,
        // The breaker's reset timer runs on real time: short, so half-open comes within a test.
        http: {
          timeoutMs: 100,
          retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
          breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 80 },
        },
      },
    ],
  });
  set = createRechargeProviders(config, { time: { ...systemTimeSource, now: () => NOW } });
  return set.byId('fulu')!;
}

/** The gateway behind nock: each body seen, each answer from the queue. */
function gateway(...replies: [number, unknown][]) {
  const bodies: Record<string, string>[] = [];
  const scope = nock(BASE)
    .post('/api/getway')
    .times(replies.length)
    .reply(async (request: Request) => {
      bodies.push((await request.json()) as Record<string, string>);
      return replies[bodies.length - 1]!;
    });
  return { bodies, scope };
}

afterEach(() => {
  nock.cleanAll();
  set?.close();
  set = undefined;
});
afterAll(() => nock.restore());

describe('FuluRechargeProvider: submit', () => {
  it('posts a signed direct.add with our order number and takes the answer as processing', async () => {
    const { bodies } = gateway([200, order({ order_state: 'untreated' })]);
    expect(await provider().submit(TOP_UP)).toEqual({ state: 'processing', providerOrderId: 'FL1' });
    const body = fuluRequestSchema.parse(bodies[0]);
    expect(body).toMatchObject({
      app_key: 'fulu-sandbox-app',
      method: 'fulu.order.direct.add',
      timestamp: '2026-11-22 12:00:00',
      version: '2.0',
      sign_type: 'md5',
    });
    expect(JSON.parse(body.biz_content)).toEqual({ customer_order_no: 'rch_0001', product_id: '10050', charge_account: '13800138000', buy_num: 1 });
    expect(verifyFuluSign(body, SECRET)).toBe(true);
  });

  it('sends mobile top-ups by face value in yuan and cards by product', async () => {
    const { bodies } = gateway([200, order({ order_state: 'processing' })], [200, order({ order_state: 'processing' })]);
    const fulu = provider();
    await fulu.submit({ ...TOP_UP, kind: 'mobile', providerProductId: '50' });
    await fulu.submit({ orderNo: 'rch_0002', kind: 'card', providerProductId: '40001', faceValueFen: 1_000, quantity: 2 });
    expect(bodies.map((body) => [body['method'], JSON.parse(body['biz_content']!)])).toEqual([
      ['fulu.order.mobile.add', { customer_order_no: 'rch_0001', charge_phone: '13800138000', charge_value: 50 }],
      ['fulu.order.card.add', { customer_order_no: 'rch_0002', product_id: '40001', buy_num: 2 }],
    ]);
  });

  it('reads a repeated customer_order_no as duplicate, a refusal as failed, a busy gateway as unknown', async () => {
    gateway([200, answer(FULU_ANSWER_CODES.duplicateOrder)], [200, answer(FULU_ANSWER_CODES.productNotFound)], [200, answer(FULU_ANSWER_CODES.systemBusy)]);
    const fulu = provider();
    expect(await fulu.submit(TOP_UP)).toEqual({ state: 'duplicate' });
    expect(await fulu.submit(TOP_UP)).toEqual({ state: 'failed', reason: '2001 失败' });
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('5000') });
  });

  it('never repeats a submit: a timeout is unknown after one request', async () => {
    let requests = 0;
    nock(BASE)
      .persist()
      .post('/api/getway')
      .reply(async () => {
        requests += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return [200, order({ order_state: 'processing' })];
      });
    expect(await provider().submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('timed out') });
    expect(requests).toBe(1);
  });

  it('takes a 5xx and a body that is not JSON as unknown, never failed', async () => {
    gateway([502, '<html>Bad Gateway</html>'], [200, 'not json']);
    const fulu = provider();
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('502') });
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('invalid JSON') });
  });

  it('takes JSON that is not the envelope as unknown', async () => {
    gateway([200, { ok: true }]);
    expect(await provider().submit(TOP_UP)).toMatchObject({ state: 'unknown', reason: expect.stringContaining('answered outside its protocol') });
  });

  it('takes code 0 with an unreadable result as processing, and refuses a request it cannot send', async () => {
    gateway([200, { code: 0, message: '成功', result: '{broken', sign: '' }]);
    const fulu = provider();
    expect(await fulu.submit(TOP_UP)).toEqual({ state: 'processing' });
    expect(await fulu.submit({ ...TOP_UP, account: undefined })).toEqual({ state: 'failed', reason: 'a direct top-up needs an account' });
  });
});

describe('FuluRechargeProvider: query', () => {
  it('maps order states and decrypts card passwords', async () => {
    const card = { card_number: '1234567890123456', card_pwd: encryptFuluCardPassword('PWD-1', SECRET), card_deadline: '2027-11-22 12:00:00' };
    gateway(
      [200, order({ order_state: 'success', finish_time: '2026-11-22 12:00:05', cards: [card] })],
      [200, order({ order_state: 'processing' })],
      [200, order({ order_state: 'untreated' })],
      [200, order({ order_state: 'failed', recharge_description: '号码已停机' })],
      [200, answer(FULU_ANSWER_CODES.orderNotFound)],
    );
    const fulu = provider();
    expect(await fulu.query('rch_0001')).toEqual({
      state: 'success',
      providerOrderId: 'FL1',
      finishedAt: '2026-11-22T04:00:05.000Z',
      cards: [{ code: '1234567890123456', password: 'PWD-1', expiresAt: '2027-11-22T04:00:00.000Z' }],
    });
    expect(await fulu.query('rch_0001')).toEqual({ state: 'processing', providerOrderId: 'FL1' });
    expect(await fulu.query('rch_0001')).toEqual({ state: 'processing', providerOrderId: 'FL1' });
    expect(await fulu.query('rch_0001')).toEqual({ state: 'failed', reason: '号码已停机' });
    expect(await fulu.query('rch_0001')).toEqual({ state: 'not-found' });
  });

  it('asks for info.get by customer_order_no, retries a 5xx, and says unknown when nothing readable comes', async () => {
    const { bodies } = gateway(
      [503, ''],
      [200, order({ order_state: 'processing' })],
      [200, answer(FULU_ANSWER_CODES.invalidSignature)],
      [200, order({ order_state: 'done' })],
    );
    const fulu = provider();
    expect(await fulu.query('rch_0001')).toMatchObject({ state: 'processing' });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatchObject({ method: 'fulu.order.info.get', biz_content: '{"customer_order_no":"rch_0001"}' });
    expect(await fulu.query('rch_0001')).toMatchObject({ state: 'unknown', reason: '1004 失败' });
    expect(await fulu.query('rch_0001')).toMatchObject({ state: 'unknown', reason: expect.stringContaining('order_state') });
  });

  it('says unknown for a success whose cards it cannot decrypt', async () => {
    gateway([200, order({ order_state: 'success', cards: [{ card_number: '1', card_pwd: encryptFuluCardPassword('x', 'another-secret-of-16+') }] })]);
    expect(await provider().query('rch_0001')).toMatchObject({ state: 'unknown', reason: expect.stringContaining('cannot be decrypted') });
  });
});

describe('FuluRechargeProvider: breaker', () => {
  it('opens after an outage: unavailable, submit not sent; half-open after the reset timeout, closed by a success', async () => {
    gateway([500, ''], [500, '']);
    const fulu = provider();
    expect(fulu.isAvailable()).toBe(true);
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'unknown' });
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'unknown' });
    expect(set!.breakerStates()).toEqual({ fulu: { 'fulu:order.add': 'open' } });
    expect(fulu.isAvailable()).toBe(false);

    const untouched = nock(BASE)
      .post('/api/getway')
      .reply(200, order({ order_state: 'processing' }));
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'not-sent', reason: expect.stringContaining('circuit breaker open') });
    expect(untouched.isDone()).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(fulu.isAvailable()).toBe(true);
    expect(await fulu.submit(TOP_UP)).toMatchObject({ state: 'processing' });
    expect(set!.breakerStates()['fulu']).toEqual({ 'fulu:order.add': 'closed' });
  });
});

describe('FuluRechargeProvider: notify', () => {
  const fields = { order_id: 'FL1', customer_order_no: 'rch_0001', order_status: 'success' as const, charge_finish_time: '2026-11-22 12:00:05' };

  it('reads a well-signed notify and answers with the ack text', () => {
    const fulu = provider();
    expect(fulu.notifyAck).toBe('success');
    expect(fulu.readNotify({ body: JSON.stringify(fuluNotifyBody(fields, SECRET)), contentType: 'application/json' })).toEqual({
      ok: true,
      orderNo: 'rch_0001',
      state: { state: 'success', providerOrderId: 'FL1', finishedAt: '2026-11-22T04:00:05.000Z' },
    });
    const failed = fuluNotifyBody({ ...fields, order_status: 'failed', recharge_description: '运营商维护' }, SECRET);
    expect(fulu.readNotify({ body: JSON.stringify(failed) })).toEqual({ ok: true, orderNo: 'rch_0001', state: { state: 'failed', reason: '运营商维护' } });
  });

  it('refuses a bad signature and malformed bodies', () => {
    const fulu = provider();
    expect(fulu.readNotify({ body: JSON.stringify(fuluNotifyBody(fields, 'another-secret')) })).toEqual({ ok: false, reason: 'bad-sign' });
    expect(fulu.readNotify({ body: 'customer_order_no=rch_0001' })).toEqual({ ok: false, reason: 'not-json' });
    const noOrder = fuluNotifyBody({ ...fields, customer_order_no: '' }, SECRET);
    expect(fulu.readNotify({ body: JSON.stringify(noOrder) })).toMatchObject({ ok: false, reason: expect.stringContaining('customer_order_no') });
  });
});
