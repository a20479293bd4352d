import type { DropShipOrderRequest } from '@supply-hub/orders-domain';
import { createJdClient, JD_SANDBOX_CREDENTIALS } from '@supply-hub/supplier-clients';
import nock from 'nock';
import { jdDropShipConfigSchema } from './jd-drop-ship-config';
import { JdDropShipSupplier } from './jd-drop-ship-supplier';

const BASE = 'http://jd.test';
const THIRD_ORDER = 'shp_0123456789abcdef0123-1';
const ORDER = { jdOrderId: 250000000001, freight: 0, orderPrice: 79.8, sku: [{ skuId: 100012345678, num: 2, price: 39.9 }] };

type Reply = [number, unknown] | { delayMs: number; reply: [number, unknown] };

/** JD behind nock: a token for anyone, each business path answered by its queue of replies (the last one repeats). */
class ScriptedJd {
  readonly calls: { method: string; form: Record<string, string> }[] = [];
  private readonly replies = new Map<string, Reply[]>();

  constructor() {
    nock(BASE)
      .persist()
      .post('/oauth2/accessToken')
      .reply(200, {
        success: true,
        resultCode: '0000',
        result: { access_token: 't', refresh_token: 'r', expires_in: 86_400, time: Date.now(), refresh_token_expires: Date.now() + 3_600_000 },
      });
    nock(BASE)
      .persist()
      .post(/\/api\/.*/)
      .reply(async (request: Request) => {
        const method = new URL(request.url).pathname.replace(/^\/api\//, '');
        const form = Object.fromEntries(new URLSearchParams(await request.text()));
        this.calls.push({ method, form });
        const queue = this.replies.get(method) ?? [];
        const next = (queue.length > 1 ? queue.shift() : queue[0]) ?? [404, 'no script'];
        if ('delayMs' in next) {
          await new Promise((resolve) => setTimeout(resolve, next.delayMs));
          return next.reply;
        }
        return next;
      });
  }

  on(method: string, ...replies: Reply[]): this {
    this.replies.set(method, replies);
    return this;
  }

  callsOf(method: string) {
    return this.calls.filter((call) => call.method === method);
  }
}

const ok = (result: unknown): [number, unknown] => [200, { success: true, resultCode: '0000', resultMessage: '操作成功', result }];
const fail = (resultCode: string, resultMessage = '', result: unknown = null): [number, unknown] => [
  200,
  { success: false, resultCode, resultMessage, result },
];

function request(overrides: Partial<DropShipOrderRequest> = {}): DropShipOrderRequest {
  return {
    thirdOrder: THIRD_ORDER,
    lines: [{ lineId: '1', externalId: '100012345678', quantity: 2, supplyPriceFen: 3_990 }],
    recipient: {
      name: '李四',
      mobile: '13912345678',
      province: '四川',
      city: '成都市',
      district: '武侯区',
      address: '天府大道北段 1700 号',
      cityCode: '510100',
    },
    mayExist: false,
    ...overrides,
  };
}

let closers: (() => void)[] = [];
function supplier() {
  const config = jdDropShipConfigSchema.parse({
    kind: 'jd',
    id: 'jd',
    baseUrl: `${BASE}/`,
    credentials: JD_SANDBOX_CREDENTIALS,
    invoiceCompanyName: '积分商城运营方',
    http: { timeoutMs: 100, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } },
  });
  const { client, http } = createJdClient(config);
  closers.push(() => http.close());
  return new JdDropShipSupplier(config, client);
}

afterEach(() => {
  nock.cleanAll();
  closers.forEach((close) => close());
  closers = [];
});
afterAll(() => nock.restore());

describe('JdDropShipSupplier: placing an order', () => {
  it('submits with thirdOrder = the shipment id, JD areas and the supply price, then confirms', async () => {
    const jd = new ScriptedJd().on('order/submitOrder', ok(ORDER)).on('order/confirmOrder', ok(true));
    expect(await supplier().placeOrder(request())).toEqual({ outcome: 'accepted', supplierOrderId: '250000000001' });
    expect(jd.callsOf('order/submitOrder')[0]!.form).toEqual({
      token: 't',
      thirdOrder: THIRD_ORDER,
      sku: '[{"skuId":100012345678,"num":2,"price":39.9}]',
      name: '李四',
      province: '22',
      city: '510100',
      county: '0',
      town: '0',
      address: '四川 成都市 武侯区 天府大道北段 1700 号',
      mobile: '13912345678',
      companyName: '积分商城运营方',
      invoiceState: '2',
      invoiceType: '2',
      selectedInvoiceTitle: '5',
      invoiceContent: '1',
      paymentType: '4',
      isUseBalance: '1',
      submitState: '0',
    });
    expect(jd.callsOf('order/confirmOrder')[0]!.form.jdOrderId).toBe('250000000001');
    expect(jd.callsOf('order/selectJdOrderIdByThirdOrder')).toEqual([]);
  });

  it('takes 0008 as the existing order and 3103 as confirmed before', async () => {
    const jd = new ScriptedJd().on('order/submitOrder', fail('0008', '订单已存在', ORDER)).on('order/confirmOrder', fail('3103', '订单已确认'));
    expect(await supplier().placeOrder(request())).toEqual({ outcome: 'accepted', supplierOrderId: '250000000001', note: 'already placed (0008)' });
    expect(jd.callsOf('order/submitOrder')).toHaveLength(1);
  });

  it('never repeats a submit whose answer was lost: it looks the order up by thirdOrder instead', async () => {
    const jd = new ScriptedJd()
      .on('order/submitOrder', { delayMs: 300, reply: ok(ORDER) })
      .on('order/selectJdOrderIdByThirdOrder', ok('250000000001'))
      .on('order/confirmOrder', ok(true));
    expect(await supplier().placeOrder(request())).toEqual({
      outcome: 'accepted',
      supplierOrderId: '250000000001',
      note: 'found by thirdOrder after a lost submitOrder answer',
    });
    expect(jd.callsOf('order/submitOrder')).toHaveLength(1);
    expect(jd.callsOf('order/selectJdOrderIdByThirdOrder')[0]!.form.thirdOrder).toBe(THIRD_ORDER);
  });

  it('tries later when the lost order is not at JD (yet), and after a 5xx', async () => {
    const jd = new ScriptedJd().on('order/submitOrder', [502, 'Bad Gateway']).on('order/selectJdOrderIdByThirdOrder', fail('3101', '订单不存在'));
    const placement = await supplier().placeOrder(request());
    expect(placement).toMatchObject({ outcome: 'retry-later', reason: expect.stringContaining(`JD has no order ${THIRD_ORDER} yet`) });
    expect(jd.callsOf('order/submitOrder')).toHaveLength(1);
  });

  it('looks up first when an earlier attempt may have placed the order', async () => {
    const jd = new ScriptedJd().on('order/selectJdOrderIdByThirdOrder', ok(250000000001)).on('order/confirmOrder', fail('3103'));
    expect(await supplier().placeOrder(request({ mayExist: true }))).toMatchObject({ outcome: 'accepted', supplierOrderId: '250000000001' });
    expect(jd.callsOf('order/submitOrder')).toEqual([]);

    nock.cleanAll();
    const again = new ScriptedJd().on('order/selectJdOrderIdByThirdOrder', fail('3101')).on('order/submitOrder', ok(ORDER)).on('order/confirmOrder', ok(true));
    expect(await supplier().placeOrder(request({ mayExist: true }))).toMatchObject({ outcome: 'accepted' });
    expect(again.calls.map((call) => call.method)).toEqual(['order/selectJdOrderIdByThirdOrder', 'order/submitOrder', 'order/confirmOrder']);
  });

  it('is refused by JD saying no (3008), not by JD being busy or our credentials being wrong', async () => {
    new ScriptedJd().on('order/submitOrder', fail('3008', '商品无货或已下架'));
    expect(await supplier().placeOrder(request())).toEqual({ outcome: 'refused', reason: 'submitOrder 3008 商品无货或已下架' });

    nock.cleanAll();
    new ScriptedJd().on('order/submitOrder', ok(ORDER)).on('order/confirmOrder', [500, { success: false, resultCode: '5000', resultMessage: '系统异常' }]);
    expect(await supplier().placeOrder(request())).toMatchObject({ outcome: 'retry-later', reason: expect.stringContaining('confirmOrder 250000000001') });

    nock.cleanAll();
    nock(BASE).post('/oauth2/accessToken').reply(200, { success: false, resultCode: '1005', resultMessage: '用户名或密码错误', result: null });
    expect(await supplier().placeOrder(request())).toMatchObject({ outcome: 'retry-later', reason: expect.stringContaining('1005') });
  });

  it('refuses what JD cannot take without calling it', async () => {
    const jd = new ScriptedJd();
    expect(await supplier().placeOrder(request({ lines: [{ lineId: '1', externalId: 'jd-sku-1', quantity: 1 }] }))).toEqual({
      outcome: 'refused',
      reason: 'line 1: "jd-sku-1" is not a JD SKU id',
    });
    expect(await supplier().placeOrder(request({ recipient: { ...request().recipient, cityCode: '990100' } }))).toEqual({
      outcome: 'refused',
      reason: 'no JD area for city 990100',
    });
    expect(jd.calls).toEqual([]);
  });
});

describe('JdDropShipSupplier: what comes back', () => {
  it('reads type-5 messages as delivered / rejected updates and deletes handled ones', async () => {
    const jd = new ScriptedJd()
      .on(
        'message/get',
        ok([
          { id: '1', type: 5, time: '2026-11-22 12:00:00', result: { orderId: 250000000001, state: 1 } },
          { id: '2', type: 5, time: '2026-11-22 12:00:01', result: { orderId: 250000000002, state: 2 } },
          { id: '3', type: 5, time: '2026-11-22 12:00:02', result: { orderId: 250000000003, state: 7 } },
          { id: '4', type: 5, time: '2026-11-22 12:00:03', result: { orderId: 'x' } },
          { type: 5 },
        ]),
      )
      .on('message/del', ok(true));
    const jdSupplier = supplier();
    const updates = await jdSupplier.orderUpdates();
    expect(jd.callsOf('message/get')[0]!.form.type).toBe('5');
    expect(updates.map(({ updateId, supplierOrderId, outcome }) => [updateId, supplierOrderId, outcome])).toEqual([
      ['1', '250000000001', 'delivered'],
      ['2', '250000000002', 'rejected'],
      ['3', '250000000003', 'unknown'],
      ['4', '', 'unknown'],
    ]);
    expect(updates[0]!.at).toEqual(new Date('2026-11-22T04:00:00Z'));
    await jdSupplier.acknowledge(Array.from({ length: 150 }, (_, i) => String(i + 1)));
    expect(jd.callsOf('message/del').map((call) => call.form.id.split(',').length)).toEqual([100, 50]);
  });

  it('reads the order track with its milestones', async () => {
    new ScriptedJd().on(
      'order/orderTrack',
      ok({
        jdOrderId: 250000000001,
        orderTrack: [
          { msgTime: '2026-11-22 12:00:00', content: '您的订单已经进入京东成都仓准备出库', operator: '系统' },
          { msgTime: '2026-11-22 13:00:00', content: '您的订单在京东【成都分拣中心】发货完成', operator: '京东物流' },
        ],
      }),
    );
    expect(await supplier().orderTrack('250000000001')).toEqual([
      { at: new Date('2026-11-22T04:00:00Z'), content: '您的订单已经进入京东成都仓准备出库', operator: '系统' },
      { at: new Date('2026-11-22T05:00:00Z'), content: '您的订单在京东【成都分拣中心】发货完成', operator: '京东物流', milestone: 'dispatched' },
    ]);
  });
});
