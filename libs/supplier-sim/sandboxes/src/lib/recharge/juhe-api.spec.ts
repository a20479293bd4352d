import { JUHE_ERROR_CODES, JUHE_NOTIFY_ACK, juheOnlineOrderResultSchema, readJuheNotify } from '@supply-hub/supplier-protocols';
import { rechargeSetup } from '../testing/recharge-fixtures';

describe('JuheApi', () => {
  let world: ReturnType<typeof rechargeSetup>;
  afterEach(() => world.recharge.onModuleDestroy());

  it('takes a signed onlineorder as game_state 0 and refuses the same orderid again', async () => {
    world = rechargeSetup();
    const answer = await world.juheOrder('13800138000', '50', 'rch_0002');
    expect(answer).toMatchObject({ status: 200, error_code: 0, reason: '订单提交成功，等待充值' });
    expect(juheOnlineOrderResultSchema.parse(answer['result'])).toMatchObject({
      cardid: '10050',
      cardname: '中国移动话费50元',
      ordercash: 49.25,
      uorderid: 'rch_0002',
      game_userid: '13800138000',
      game_state: '0',
    });
    expect(await world.juheOrder('13800138000', '50', 'rch_0002')).toMatchObject({ error_code: JUHE_ERROR_CODES.duplicateOrder, result: null });
    expect(await world.juheState('rch_0002')).toMatchObject({ error_code: 0, result: { game_state: '0', uordercash: '49.250' } });
  });

  it.each([
    ['a wrong key', ['13800138000', '50', 'rch_0003', { key: 'other' }], JUHE_ERROR_CODES.invalidKey],
    ['a bad sign', ['13800138000', '50', 'rch_0003', { sign: 'f'.repeat(32) }], JUHE_ERROR_CODES.invalidSignature],
    ['a missing sign', ['13800138000', '50', 'rch_0003', { sign: '' }], JUHE_ERROR_CODES.invalidSignature],
    ['a landline', ['02112345678', '50', 'rch_0003'], JUHE_ERROR_CODES.invalidPhone],
    ['a number of no operator', ['10012345678', '50', 'rch_0003'], JUHE_ERROR_CODES.invalidPhone],
    ['a face value with fen', ['13800138000', '49.5', 'rch_0003'], JUHE_ERROR_CODES.invalidFaceValue],
    ['a face value not sold', ['13800138000', '20', 'rch_0003'], JUHE_ERROR_CODES.numberNotAllowed],
    ['a bad order id', ['13800138000', '50', 'r#1'], JUHE_ERROR_CODES.invalidOrderId],
  ] as const)('refuses %s', async (_, [phone, value, orderId, overrides], code) => {
    world = rechargeSetup();
    expect(await world.juheOrder(phone, value, orderId, { ...(overrides ?? {}) })).toMatchObject({ error_code: code, result: null });
    expect(world.recharge.list().orders).toEqual([]);
  });

  it('answers ordersta: unknown order, wrong key, and the final states 1 and 9', async () => {
    world = rechargeSetup();
    expect(await world.juheState('rch_nope1')).toMatchObject({ error_code: JUHE_ERROR_CODES.orderNotFound });
    expect(await world.juheState('rch_nope1', 'other')).toMatchObject({ error_code: JUHE_ERROR_CODES.invalidKey });
    await world.juheOrder('13800138000', '10', 'rch_0004');
    await world.juheOrder('13600000000', '10', 'rch_0005');
    await world.recharge.complete({ provider: 'juhe', orderNo: 'rch_0004' });
    await world.recharge.complete({ provider: 'juhe', orderNo: 'rch_0005' });
    expect(await world.juheState('rch_0004')).toMatchObject({ result: { game_state: '1' } });
    expect(await world.juheState('rch_0005')).toMatchObject({ reason: '查询成功', result: { game_state: '9', err_msg: '号码已停机' } });
  });

  it("notifies the order's own callback with a form signed with the key", async () => {
    world = rechargeSetup();
    world.answers.push({ status: 200, body: JUHE_NOTIFY_ACK });
    await world.juheOrder('13800138000', '30', 'rch_0006', { callback: 'http://127.0.0.1:2/juhe/mine' });
    await world.juheOrder('13800138001', '30', 'rch_0007');
    expect(await world.recharge.complete({ provider: 'juhe', orderNo: 'rch_0006' })).toMatchObject({ acknowledged: true });
    await world.recharge.complete({ provider: 'juhe', orderNo: 'rch_0007', outcome: 'failed', reason: '运营商维护' });
    expect(world.received.map((entry) => entry.url)).toEqual(['http://127.0.0.1:2/juhe/mine', 'http://127.0.0.1:1/juhe/notify']);
    const [first, second] = world.received.map((entry) => readJuheNotify(entry.request.body, world.settings.juhe.key));
    expect(first).toMatchObject({ ok: true, notify: { orderid: 'rch_0006', sta: '1' } });
    expect(second).toMatchObject({ ok: true, notify: { orderid: 'rch_0007', sta: '9', err_msg: '运营商维护' } });
    expect(world.received[0]!.request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it('keeps the order a hanging onlineorder was sent to create', async () => {
    world = rechargeSetup({}, { random: () => 0.1 });
    world.gate.updateFaults({ juhe: { timeoutRate: 1, timeoutMs: 20 } });
    const hanging = world.juheOrder('13800138000', '100', 'rch_0008');
    expect(world.recharge.list({ provider: 'juhe' }).orders.map((order) => order.orderNo)).toEqual(['rch_0008']);
    await hanging;
  });
});
