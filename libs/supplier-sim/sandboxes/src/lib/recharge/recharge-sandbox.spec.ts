import { FULU_METHODS, readFuluNotify } from '@supply-hub/supplier-protocols';
import { waitFor } from '@supply-hub/testing';
import { rechargeSetup } from '../testing/recharge-fixtures';
import { rechargeProduct } from './recharge-products';

const direct = (orderNo: string, account = '13800138000') => ({ customer_order_no: orderNo, product_id: '10050', charge_account: account, buy_num: 1 });

describe('RechargeSandbox: completion and notifies', () => {
  let world: ReturnType<typeof rechargeSetup>;
  afterEach(() => world.recharge.onModuleDestroy());

  it('finishes orders on its own after completionDelayMs, and a finished order never moves again', async () => {
    world = rechargeSetup({ completionDelayMs: 5 });
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0001'));
    expect(world.recharge.list().orders[0]).toMatchObject({ state: 'processing', dueAt: '2026-11-22T04:00:00.005Z' });
    await waitFor(() => world.recharge.list().orders[0]!.state === 'success', { message: 'the order to succeed', timeoutMs: 2_000 });
    await expect(world.recharge.complete({ provider: 'fulu', orderNo: 'rch_0001', outcome: 'failed' })).rejects.toThrow(/never moves again/);
    await expect(world.recharge.complete({ provider: 'fulu', orderNo: 'nope' })).rejects.toThrow(/not found/);
  });

  it('fails accounts ending in the configured digits with 号码已停机 / 运营商维护, and follows the knobs when they change', async () => {
    world = rechargeSetup();
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0002', '13800130000'));
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0003', '13800139999'));
    world.recharge.updateKnobs({ fulu: { suspendedSuffix: '', maintenanceSuffix: '38000' } });
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0004', '13912340000'));
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0005', '13912338000'));
    for (const orderNo of ['rch_0002', 'rch_0003', 'rch_0004', 'rch_0005']) await world.recharge.complete({ provider: 'fulu', orderNo });
    expect(world.recharge.list().orders.map((order) => [order.orderNo, order.state, order.reason])).toEqual([
      ['rch_0002', 'failed', '号码已停机'],
      ['rch_0003', 'failed', '运营商维护'],
      ['rch_0004', 'success', undefined],
      ['rch_0005', 'failed', '运营商维护'],
    ]);
    expect(world.recharge.knobs().juhe.suspendedSuffix).toBe('0000');
  });

  it("posts a signed JSON notify to the app's callback URL, retrying until it is answered with the ack text", async () => {
    world = rechargeSetup({ notifyRetries: 2 });
    world.answers.push({ status: 200, body: 'OK' }, new Error('connect ECONNREFUSED'));
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0006'));
    expect(await world.recharge.complete({ provider: 'fulu', orderNo: 'rch_0006' })).toMatchObject({ acknowledged: false });
    await waitFor(() => world.recharge.list().orders[0]!.notifies.acknowledged === 1, { message: 'the third attempt to be acknowledged', timeoutMs: 2_000 });
    expect(world.recharge.list().orders[0]).toMatchObject({
      callbackUrl: 'http://127.0.0.1:1/fulu/notify',
      notifies: { sent: 1, attempts: 3, refused: 2, retries: 2, acknowledged: 1 },
      lastNotifyAnswer: '200 success',
    });
    const bodies = world.received.map((entry) => entry.request.body);
    expect(new Set(bodies).size).toBe(1);
    expect(readFuluNotify(bodies[0]!, world.settings.fulu.appSecret)).toMatchObject({
      ok: true,
      notify: { customer_order_no: 'rch_0006', order_status: 'success', recharge_description: '充值成功', charge_finish_time: '2026-11-22 12:00:00' },
    });
  });

  it('drops, doubles, delays or mis-signs notifies as the knobs say', async () => {
    world = rechargeSetup({ notifyDropRate: 1 });
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0007'));
    expect(await world.recharge.complete({ provider: 'fulu', orderNo: 'rch_0007' })).not.toHaveProperty('acknowledged');
    expect(world.received).toEqual([]);
    expect(world.recharge.list().orders[0]!.notifies).toMatchObject({ dropped: 1, sent: 0 });

    world.recharge.updateKnobs({ fulu: { notifyDropRate: 0, notifyDuplicateRate: 1, notifyBadSignRate: 1 } });
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0008'));
    await world.recharge.complete({ provider: 'fulu', orderNo: 'rch_0008' });
    expect(world.received).toHaveLength(2);
    expect(readFuluNotify(world.received[0]!.request.body, world.settings.fulu.appSecret)).toEqual({ ok: false, reason: 'bad-sign' });
    expect(world.recharge.list({ orderNo: 'rch_0008' }).orders[0]!.notifies).toMatchObject({ sent: 2, duplicates: 1, badSigned: 1 });

    world.recharge.updateKnobs({ fulu: { notifyDuplicateRate: 0, notifyBadSignRate: 0, notifyDelayMs: 5 } });
    await world.fuluCall(FULU_METHODS.directAdd, direct('rch_0009'));
    await world.recharge.complete({ provider: 'fulu', orderNo: 'rch_0009' });
    expect(world.received).toHaveLength(2);
    await waitFor(() => world.received.length === 3, { message: 'the late notify', timeoutMs: 2_000 });
  });

  it('sends no notify without a callback URL, and forgets everything on reset', async () => {
    world = rechargeSetup();
    world.recharge.updateKnobs({ juhe: { completionDelayMs: 60_000 } });
    await world.juheOrder('13800138000', '10', 'rch_0010');
    expect(world.recharge.list({ provider: 'juhe' }).orders[0]!.dueAt).toBeDefined();
    expect(world.recharge.reset()).toEqual({ orders: 1 });
    expect(world.recharge.list().orders).toEqual([]);
    expect(world.recharge.knobs().juhe.completionDelayMs).toBe(0);
  });

  it('makes room by forgetting the oldest finished order, and refuses as busy when all are processing', async () => {
    world = rechargeSetup();
    const book = world.recharge.books.fulu;
    const product = rechargeProduct('10010')!;
    for (let i = 0; i < 100; i++) expect(book.take({ orderNo: `o${i}`, product, quantity: 1 }).kind).toBe('created');
    expect(book.take({ orderNo: 'o100', product, quantity: 1 }).kind).toBe('full');
    await book.complete('o5');
    expect(book.take({ orderNo: 'o100', product, quantity: 1 }).kind).toBe('created');
    expect(book.get('o5')).toBeUndefined();
  });
});
