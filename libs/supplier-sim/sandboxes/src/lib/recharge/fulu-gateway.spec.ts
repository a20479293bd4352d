import {
  decryptFuluCardPassword,
  FULU_ANSWER_CODES,
  FULU_METHODS,
  fuluOrderTextSchema,
  fuluRequest,
  fuluSign,
  verifyFuluSign,
} from '@supply-hub/supplier-protocols';
import { rechargeSetup } from '../testing/recharge-fixtures';

const direct = (orderNo: string, productId = '10050', account = '13800138000') => ({
  customer_order_no: orderNo,
  product_id: productId,
  charge_account: account,
  buy_num: 1,
});

describe('FuluGateway', () => {
  let world: ReturnType<typeof rechargeSetup>;
  afterEach(() => world.recharge.onModuleDestroy());

  it('takes a signed direct.add as processing, signs its answer and refuses the same customer_order_no again', async () => {
    world = rechargeSetup();
    const answer = await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0001'));
    expect(answer).toMatchObject({ status: 200, code: 0, message: '成功' });
    const { status: _status, ...body } = answer;
    expect(verifyFuluSign(body, world.settings.fulu.appSecret)).toBe(true);
    expect(fuluOrderTextSchema.parse(answer['result'])).toMatchObject({
      customer_order_no: 'rch_0001',
      product_id: '10050',
      product_name: '中国移动话费50元',
      charge_account: '13800138000',
      order_state: 'processing',
      order_price: 49.25,
      create_time: '2026-11-22 12:00:00',
    });
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0001', '10100'))).toMatchObject({ code: FULU_ANSWER_CODES.duplicateOrder });
    expect(world.recharge.list().orders.map((order) => [order.orderNo, order.productId])).toEqual([['rch_0001', '10050']]);
  });

  it.each([
    ['a wrong app_key', { app_key: 'other' }, FULU_ANSWER_CODES.invalidAppKey],
    ['a bad sign', { sign: '0'.repeat(32) }, FULU_ANSWER_CODES.invalidSignature],
    ['a stale timestamp', { timestamp: '2026-11-22 11:49:59' }, FULU_ANSWER_CODES.invalidTimestamp],
    ['a missing field', { biz_content: '' }, FULU_ANSWER_CODES.missingParameter],
  ])('refuses %s', async (_, override, code) => {
    world = rechargeSetup();
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0002'), override)).toMatchObject({ code });
    expect(world.recharge.list().orders).toEqual([]);
  });

  it('checks the sign over every field, fixed values after it, then the method and biz_content', async () => {
    world = rechargeSetup();
    const { appKey, appSecret } = world.settings.fulu;
    const resigned = (change: Record<string, unknown>) => {
      const body = { ...fuluRequest({ appKey, appSecret, method: FULU_METHODS.directAdd, biz: direct('rch_0003'), now: world.clock.now() }), ...change };
      const { sign: _sign, ...unsigned } = body;
      return { ...unsigned, sign: fuluSign(unsigned, appSecret) } as Record<string, string>;
    };
    const call = async (body: Record<string, string>) => JSON.parse(String((await world.fulu.handle(body)).body)) as { code: number; message: string };
    expect(await call(resigned({ version: '1.0' }))).toMatchObject({ code: FULU_ANSWER_CODES.invalidParameter, message: expect.stringContaining('version') });
    expect(await call(resigned({ method: 'fulu.goods.list' }))).toMatchObject({ code: FULU_ANSWER_CODES.invalidMethod });
    expect(await call(resigned({ biz_content: '{"customer_order_no":"rch_0003"' }))).toMatchObject({ code: FULU_ANSWER_CODES.invalidParameter });
    expect(await call(resigned({ biz_content: JSON.stringify({ ...direct('rch_0003'), buy_num: '1' }) }))).toMatchObject({
      code: FULU_ANSWER_CODES.invalidParameter,
      message: expect.stringContaining('buy_num'),
    });
  });

  it('refuses unknown products, card products sold as direct, and accounts the product cannot credit', async () => {
    world = rechargeSetup();
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0004', '99999'))).toMatchObject({ code: FULU_ANSWER_CODES.productNotFound });
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0005', '40001'))).toMatchObject({ code: FULU_ANSWER_CODES.productNotFound });
    // 联通 50 元 to a 移动 number.
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0006', '11050'))).toMatchObject({ code: FULU_ANSWER_CODES.invalidAccount });
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0007', '20100', '12345'))).toMatchObject({ code: FULU_ANSWER_CODES.invalidAccount });
    expect(await world.fuluCall(FULU_METHODS.cardAdd, { customer_order_no: 'rch_0008', product_id: '10050', buy_num: 1 })).toMatchObject({
      code: FULU_ANSWER_CODES.productNotFound,
    });
    expect(await world.fuluCall(FULU_METHODS.mobileAdd, { customer_order_no: 'rch_0009', charge_phone: '13800138000', charge_value: 20 })).toMatchObject({
      code: FULU_ANSWER_CODES.productNotFound,
    });
    expect(world.recharge.list().orders).toEqual([]);
  });

  it('credits memberships and fuel cards, finds the 话费 product of mobile.add from the number, and answers info.get', async () => {
    world = rechargeSetup();
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0010', '30002', 'iqiyi_member_01'))).toMatchObject({ code: 0 });
    expect(await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0011', '20500', '1000113200000000001'))).toMatchObject({ code: 0 });
    expect(await world.fuluCall(FULU_METHODS.mobileAdd, { customer_order_no: 'rch_0012', charge_phone: '18912345678', charge_value: 30 })).toMatchObject({
      code: 0,
    });
    const info = await world.fuluCall(FULU_METHODS.infoGet, { customer_order_no: 'rch_0012' });
    expect(fuluOrderTextSchema.parse(info['result'])).toMatchObject({ product_id: '12030', product_name: '中国电信话费30元', order_state: 'processing' });
    expect(await world.fuluCall(FULU_METHODS.infoGet, { customer_order_no: 'nope' })).toMatchObject({ code: FULU_ANSWER_CODES.orderNotFound });
  });

  it('sells cards whose passwords come encrypted with the app secret', async () => {
    world = rechargeSetup();
    await world.fuluCall(FULU_METHODS.cardAdd, { customer_order_no: 'rch_0013', product_id: '40002', buy_num: 2 });
    await world.recharge.complete({ provider: 'fulu', orderNo: 'rch_0013' });
    const order = fuluOrderTextSchema.parse((await world.fuluCall(FULU_METHODS.infoGet, { customer_order_no: 'rch_0013' }))['result']);
    expect(order).toMatchObject({ order_state: 'success', order_type: 2, finish_time: '2026-11-22 12:00:00' });
    expect(order.cards).toHaveLength(2);
    const passwords = order.cards!.map((card) => decryptFuluCardPassword(card.card_pwd, world.settings.fulu.appSecret));
    expect(passwords[0]).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(passwords[0]).not.toBe(passwords[1]);
    expect(order.cards![0]).toMatchObject({ card_number: expect.stringMatching(/^\d{16}$/), card_deadline: '2027-11-22 12:00:00' });
  });

  it('keeps the order a hanging call was sent to create: the caller times out, the order exists', async () => {
    world = rechargeSetup({}, { random: () => 0.1 });
    world.gate.updateFaults({ fulu: { timeoutRate: 1, timeoutMs: 20 } });
    const hanging = world.fuluCall(FULU_METHODS.directAdd, direct('rch_0014'));
    expect(world.recharge.list({ orderNo: 'rch_0014' }).orders).toHaveLength(1);
    await hanging;
    world.gate.updateFaults({ fulu: { timeoutRate: 0 } });
    expect(await world.fuluCall(FULU_METHODS.infoGet, { customer_order_no: 'rch_0014' })).toMatchObject({ code: 0 });
  });

  it('answers an outage with 5xx and takes nothing', async () => {
    world = rechargeSetup({}, { random: () => 0.1 });
    world.gate.updateFaults({ fulu: { errorRate: 1 } });
    const answer = await world.fulu.handle({});
    expect([500, 502]).toContain(answer.status);
    expect(world.recharge.list().orders).toEqual([]);
  });
});
