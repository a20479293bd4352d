import { ConflictError, NotFoundError } from '@supply-hub/errors';
import { JD_SOURCE, type SimOffer } from '@supply-hub/sim-catalog-data';
import {
  isJdDispatchedTrackEntry,
  JD_MESSAGE_TYPES,
  type JdOrderDetail,
  type JdOrderTrack,
  jdOrderAreaOf,
  type JdSubmitOrderResult,
  type JdTokenResult,
} from '@supply-hub/supplier-protocols';
import { waitFor } from '@supply-hub/testing';
import { NO_FAULTS } from '../faults/fault-settings';
import type { SandboxResponse } from '../http/sandbox-response';
import { JD_TEST_CREDENTIALS, noFaults, sandboxWorld, testClock, WORKED_EXAMPLE_TIME } from '../testing/sandbox-fixtures';
import { JdMessageQueue } from './jd-messages';
import { JdOrderMethods } from './jd-order-methods';
import { DEFAULT_JD_ORDER_SETTINGS, type JdOrderSimSettings } from './jd-order-settings';
import { JdOrderBook } from './jd-orders';
import { JdPools } from './jd-pools';
import { JdSandbox } from './jd-sandbox';
import { JdTokenStore } from './jd-token-store';

const body = <R>(answer: SandboxResponse) => JSON.parse(String(answer.body)) as { success: boolean; resultCode: string; resultMessage: string; result: R };

let books: JdOrderBook[] = [];
afterEach(() => {
  for (const book of books) book.onModuleDestroy();
  books = [];
});

function setup(options: { orders?: Partial<JdOrderSimSettings>; faults?: ReturnType<typeof noFaults>; random?: () => number } = {}) {
  const clock = testClock();
  const { world, gate, stats } = sandboxWorld({ skus: 2_000, clock: clock.now, faults: options.faults, random: options.random });
  const pools = new JdPools(world);
  const messages = new JdMessageQueue((index) => pools.poolOf(index));
  const tokens = new JdTokenStore(JD_TEST_CREDENTIALS, clock.now);
  const orders = new JdOrderBook({ ...DEFAULT_JD_ORDER_SETTINGS, stepIntervalMs: 0, ...options.orders }, 'unit', messages, clock.now);
  books.push(orders);
  const jd = new JdSandbox(world, gate, tokens, messages, pools, JD_TEST_CREDENTIALS, new JdOrderMethods(world, orders));
  const token = tokens.issue().access_token;
  const call = async <R = unknown>(method: Parameters<JdSandbox['handle']>[0], form: Record<string, string>) =>
    body<R>(await jd.handle(method, { token, ...form }));
  /** JD SKUs of the world that can be ordered (listed, in stock). */
  const orderable = (): SimOffer[] => {
    const found: SimOffer[] = [];
    for (let index = 0; found.length < 3; index++) {
      const offer = world.offer(JD_SOURCE.id, index);
      if (offer.listed && offer.stock >= 5 && offer.family === 'physical') found.push(offer);
    }
    return found;
  };
  const submitForm = (thirdOrder: string, lines: { skuId: number; num: number; price?: number }[], overrides: Record<string, string> = {}) => ({
    thirdOrder,
    sku: JSON.stringify(lines),
    name: '李四',
    ...jdOrderAreaOf('510100')!,
    address: '四川 成都市 武侯区 天府大道北段 1700 号',
    mobile: '13912345678',
    invoiceState: '2',
    invoiceType: '2',
    selectedInvoiceTitle: '5',
    companyName: '积分商城运营方',
    invoiceContent: '1',
    paymentType: '4',
    isUseBalance: '1',
    submitState: '0',
    ...overrides,
  });
  const track = async (jdOrderId: number) => (await call<JdOrderTrack>('order/orderTrack', { jdOrderId: String(jdOrderId) })).result.orderTrack;
  const orderMessages = async () =>
    (await call<{ id: string; type: number; result: { orderId: number; state?: number } }[]>('message/get', { token, type: '5,10' })).result;
  return { world, clock, call, orders, messages, stats, gate, orderable, submitForm, track, orderMessages };
}

describe('JD sandbox: submitting orders', () => {
  it('places an order at JD prices and answers a repeated thirdOrder with 0008 and that same order', async () => {
    const { call, orderable, submitForm, stats } = setup();
    const [a, b] = orderable();
    const lines = [
      { skuId: Number(a!.externalId), num: 2, price: 1 },
      { skuId: Number(b!.externalId), num: 1 },
    ];
    const first = await call<JdSubmitOrderResult>('order/submitOrder', submitForm('shp_1', lines));
    expect(first).toMatchObject({ success: true, resultCode: '0000' });
    const jdPrice = (offer: SimOffer) => offer.supplyPriceFen / 100;
    expect(first.result.sku).toEqual([
      { skuId: Number(a!.externalId), num: 2, price: jdPrice(a!), name: a!.title },
      { skuId: Number(b!.externalId), num: 1, price: jdPrice(b!), name: b!.title },
    ]);
    expect(first.result.orderPrice).toBeCloseTo(2 * jdPrice(a!) + jdPrice(b!), 2);
    expect(first.result.freight).toBe(first.result.orderPrice >= 99 ? 0 : 6);

    // Idempotent on thirdOrder, even when the retry's body differs.
    const again = await call<JdSubmitOrderResult>('order/submitOrder', submitForm('shp_1', lines.slice(0, 1)));
    expect(again).toMatchObject({ success: false, resultCode: '0008', result: first.result });
    expect(await call('order/selectJdOrderIdByThirdOrder', { thirdOrder: 'shp_1' })).toMatchObject({ success: true, result: first.result.jdOrderId });
    expect(await call('order/selectJdOrderIdByThirdOrder', { thirdOrder: 'shp_2' })).toMatchObject({ success: false, resultCode: '3101' });
    expect(stats.snapshot().endpoints['jd order/submitOrder']).toMatchObject({ requests: 2, errors: 0 });
  });

  it('refuses unknown SKUs and areas with 2001, a delisted or short SKU with 3008, a bad form with 2001', async () => {
    const { call, orderable, submitForm, world } = setup();
    const [a] = orderable();
    const skuId = Number(a!.externalId);
    expect(await call('order/submitOrder', submitForm('x1', [{ skuId: 123, num: 1 }]))).toMatchObject({ success: false, resultCode: '2001' });
    expect(await call('order/submitOrder', submitForm('x2', [{ skuId, num: 1 }], { province: '1' }))).toMatchObject({ success: false, resultCode: '2001' });
    expect(await call('order/submitOrder', submitForm('x3', [{ skuId, num: a!.stock + 1 }]))).toMatchObject({ success: false, resultCode: '3008' });
    const delisted = world.applyChanges({ delistings: 20 }).changes.find((change) => change.sourceId === JD_SOURCE.id)!;
    expect(await call('order/submitOrder', submitForm('x4', [{ skuId: Number(delisted.externalId), num: 1 }]))).toMatchObject({ resultCode: '3008' });
    expect(await call('order/submitOrder', submitForm('x5', [{ skuId, num: 1 }], { mobile: '123' }))).toMatchObject({ resultCode: '2001' });
    // Nothing refused was kept.
    expect(await call('order/selectJdOrderIdByThirdOrder', { thirdOrder: 'x3' })).toMatchObject({ resultCode: '3101' });
  });

  it('keeps an order whose answer was lost to a timeout: the lookup by thirdOrder finds it', async () => {
    const faults = noFaults();
    faults.jd = { ...NO_FAULTS, timeoutRate: 1, timeoutMs: 5 };
    const { call, orderable, submitForm, gate } = setup({ faults, random: () => 0 });
    const [a] = orderable();
    await call('order/submitOrder', submitForm('lost', [{ skuId: Number(a!.externalId), num: 1 }]));
    gate.updateFaults({ jd: { timeoutRate: 0 } });
    expect(await call('order/selectJdOrderIdByThirdOrder', { thirdOrder: 'lost' })).toMatchObject({ success: true, result: expect.any(Number) });
  });
});

describe('JD sandbox: confirming and cancelling', () => {
  it('holds an order unconfirmed until confirmOrder, answers 3103 to a second confirm, refuses to cancel it then', async () => {
    const { call, orderable, submitForm, track } = setup();
    const [a] = orderable();
    const { jdOrderId } = (await call<JdSubmitOrderResult>('order/submitOrder', submitForm('c1', [{ skuId: Number(a!.externalId), num: 1 }]))).result;
    const id = String(jdOrderId);
    expect((await call<JdOrderDetail>('order/selectJdOrder', { jdOrderId: id })).result).toMatchObject({
      jdOrderId,
      state: 0,
      submitState: 0,
      orderState: 1,
      thirdOrder: 'c1',
    });
    expect(await call('order/confirmOrder', { jdOrderId: id })).toMatchObject({ success: true, result: true });
    expect(await call('order/confirmOrder', { jdOrderId: id })).toMatchObject({ success: false, resultCode: '3103' });
    expect((await call<JdOrderDetail>('order/selectJdOrder', { jdOrderId: id })).result.submitState).toBe(1);
    expect(await call('order/cancel', { jdOrderId: id })).toMatchObject({ success: false, resultCode: '3102' });
    const entries = await track(jdOrderId);
    expect(entries.map((entry) => entry.content)).toEqual(['您提交了订单，请等待系统确认', '您的订单已经进入京东成都仓准备出库']);
    expect(entries.some(isJdDispatchedTrackEntry)).toBe(false);
    expect(await call('order/selectJdOrder', { jdOrderId: '999' })).toMatchObject({ success: false, resultCode: '3101' });
  });

  it('cancels an unconfirmed order with a type-10 message; it can no longer be confirmed', async () => {
    const { call, orderable, submitForm, orderMessages } = setup();
    const [a] = orderable();
    const { jdOrderId } = (await call<JdSubmitOrderResult>('order/submitOrder', submitForm('c2', [{ skuId: Number(a!.externalId), num: 1 }]))).result;
    expect(await call('order/cancel', { jdOrderId: String(jdOrderId) })).toMatchObject({ success: true, result: true });
    expect((await call<JdOrderDetail>('order/selectJdOrder', { jdOrderId: String(jdOrderId) })).result.orderState).toBe(0);
    expect(await call('order/confirmOrder', { jdOrderId: String(jdOrderId) })).toMatchObject({ success: false });
    expect(await orderMessages()).toEqual([expect.objectContaining({ type: JD_MESSAGE_TYPES.orderCancelled, result: { orderId: jdOrderId } })]);
  });

  it('confirms at once with submitState 1', async () => {
    const { call, orderable, submitForm } = setup();
    const [a] = orderable();
    const { jdOrderId } = (
      await call<JdSubmitOrderResult>('order/submitOrder', submitForm('c3', [{ skuId: Number(a!.externalId), num: 1 }], { submitState: '1' }))
    ).result;
    expect((await call<JdOrderDetail>('order/selectJdOrder', { jdOrderId: String(jdOrderId) })).result.submitState).toBe(1);
    expect(await call('order/confirmOrder', { jdOrderId: String(jdOrderId) })).toMatchObject({ resultCode: '3103' });
  });
});

describe('JD sandbox: orders on their way', () => {
  async function confirmedOrder(world: ReturnType<typeof setup>, thirdOrder: string) {
    const [a] = world.orderable();
    const { jdOrderId } = (await world.call<JdSubmitOrderResult>('order/submitOrder', world.submitForm(thirdOrder, [{ skuId: Number(a!.externalId), num: 1 }])))
      .result;
    await world.call('order/confirmOrder', { jdOrderId: String(jdOrderId) });
    return jdOrderId;
  }

  it('walks a confirmed order to 妥投 on demand: left the warehouse at the first step, a type-5 message at the last', async () => {
    const world = setup();
    const jdOrderId = await confirmedOrder(world, 'w1');
    expect(() => world.orders.advance({ thirdOrder: 'nope' })).toThrow(NotFoundError);

    world.clock.advance(30_000);
    expect(world.orders.advance({ jdOrderId })).toMatchObject({ step: 1, steps: 4, state: 0 });
    const afterDispatch = await world.track(jdOrderId);
    expect(afterDispatch.at(-1)!.content).toMatch(/京东【成都分拣中心】发货完成/);
    expect(isJdDispatchedTrackEntry(afterDispatch.at(-1)!)).toBe(true);
    expect(await world.orderMessages()).toEqual([]);

    world.orders.advance({ jdOrderId: String(jdOrderId) });
    world.orders.advance({ thirdOrder: 'w1' });
    const done = world.orders.advance({ jdOrderId });
    expect(done).toMatchObject({ step: 4, state: 1, scenario: 'delivered' });
    const entries = await world.track(jdOrderId);
    expect(entries.at(-1)!.content).toMatch(/妥投/);
    // Whole, strictly increasing seconds even when steps come within one second.
    const times = entries.map((entry) => entry.msgTime);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect((await world.call<JdOrderDetail>('order/selectJdOrder', { jdOrderId: String(jdOrderId) })).result.state).toBe(1);
    expect(await world.orderMessages()).toEqual([expect.objectContaining({ type: 5, result: { orderId: jdOrderId, state: 1 } })]);
    expect(() => world.orders.advance({ jdOrderId })).toThrow(ConflictError);
  });

  it('rejects on demand (拒收, state 2, type-5 message), and only orders that are moving', async () => {
    const world = setup();
    const [a] = world.orderable();
    const unconfirmed = (await world.call<JdSubmitOrderResult>('order/submitOrder', world.submitForm('r0', [{ skuId: Number(a!.externalId), num: 1 }]))).result;
    expect(() => world.orders.advance({ jdOrderId: unconfirmed.jdOrderId })).toThrow(/not confirmed/);
    const jdOrderId = await confirmedOrder(world, 'r1');
    world.orders.advance({ jdOrderId });
    expect(world.orders.reject({ jdOrderId, reason: '商品与描述不符' })).toMatchObject({ state: 2, scenario: 'rejected', step: 2, steps: 2 });
    expect((await world.track(jdOrderId)).at(-1)!.content).toBe('客户拒收（商品与描述不符），订单将返回京东仓库');
    expect(await world.orderMessages()).toEqual([expect.objectContaining({ type: 5, result: { orderId: jdOrderId, state: 2 } })]);
    expect(() => world.orders.reject({ jdOrderId })).toThrow(/rejected/);
  });

  it('rejects a fixed share of orders at the door with rejectRate', async () => {
    const world = setup({ orders: { rejectRate: 1 } });
    const jdOrderId = await confirmedOrder(world, 'rr');
    for (let step = 0; step < 4; step++) world.orders.advance({ jdOrderId });
    expect(world.orders.list({ thirdOrder: 'rr' }).orders[0]).toMatchObject({ scenario: 'rejected', state: 2 });
  });

  it('moves on its own timer once confirmed, and when the interval is set at run time', async () => {
    const world = setup({ orders: { stepIntervalMs: 5 } });
    const [a] = world.orderable();
    const { jdOrderId } = (await world.call<JdSubmitOrderResult>('order/submitOrder', world.submitForm('t1', [{ skuId: Number(a!.externalId), num: 1 }])))
      .result;
    expect(world.orders.list().orders[0]!.nextStepAt).toBeUndefined();
    await world.call('order/confirmOrder', { jdOrderId: String(jdOrderId) });
    await waitFor(() => world.orders.list().orders[0]!.state === 1, { message: 'the order to be delivered', timeoutMs: 2_000 });

    world.orders.updateKnobs({ stepIntervalMs: 0 });
    const second = await confirmedOrder(world, 't2');
    expect(world.orders.list({ thirdOrder: 't2' }).orders[0]!.step).toBe(0);
    world.orders.updateKnobs({ stepIntervalMs: 5 });
    await waitFor(() => world.orders.list({ thirdOrder: 't2' }).orders[0]!.state === 1, { message: 'the second order to be delivered', timeoutMs: 2_000 });
    expect(second).not.toBe(jdOrderId);
  });

  it('forgets its orders on reset but never hands out an id twice', async () => {
    const world = setup();
    const first = await confirmedOrder(world, 'z1');
    expect(world.orders.reset()).toEqual({ orders: 1 });
    expect(world.orders.list().orders).toEqual([]);
    const second = await confirmedOrder(world, 'z1');
    expect(second).toBeGreaterThan(first);
    expect(new Date(world.orders.list().orders[0]!.createdAt).getTime()).toBe(WORKED_EXAMPLE_TIME);
  });
});

describe('JD sandbox: order message types', () => {
  it('answers order and catalog messages apart', async () => {
    const world = setup();
    const jdOrderId = await (async () => {
      const [a] = world.orderable();
      const { result } = await world.call<JdSubmitOrderResult>(
        'order/submitOrder',
        world.submitForm('m1', [{ skuId: Number(a!.externalId), num: 1 }], { submitState: '1' }),
      );
      return result.jdOrderId;
    })();
    for (let step = 0; step < 4; step++) world.orders.advance({ jdOrderId });
    world.world.applyChanges({ priceMoves: 5 }, world.clock.now());
    const catalog = await world.call<{ type: number }[]>('message/get', { type: '2' });
    expect(catalog.result.every((message) => message.type === 2)).toBe(true);
    const orders = await world.call<{ id: string; type: number }[]>('message/get', { type: '5' });
    expect(orders.result).toEqual([expect.objectContaining({ type: 5 })]);
    await world.call('message/del', { id: orders.result[0]!.id });
    expect((await world.call<unknown[]>('message/get', { type: '5' })).result).toEqual([]);
  });
});

// The token is refused before any order method runs.
it('JD sandbox: order methods want a token', async () => {
  const { world, gate } = sandboxWorld();
  const clock = testClock();
  const pools = new JdPools(world);
  const messages = new JdMessageQueue((index) => pools.poolOf(index));
  const orders = new JdOrderBook({ ...DEFAULT_JD_ORDER_SETTINGS, stepIntervalMs: 0 }, 'unit', messages, clock.now);
  books.push(orders);
  const jd = new JdSandbox(
    world,
    gate,
    new JdTokenStore(JD_TEST_CREDENTIALS, clock.now),
    messages,
    pools,
    JD_TEST_CREDENTIALS,
    new JdOrderMethods(world, orders),
  );
  expect(body<JdTokenResult>(await jd.handle('order/selectJdOrder', { token: 'nope', jdOrderId: '1' }))).toMatchObject({ success: false, resultCode: '1003' });
});
