import { isJdOrderArea, jdOrderAreaOf } from './jd-area';
import { jdOrderMessageResultSchema, jdMessageSchema, JD_MESSAGE_TYPES, JD_ORDER_MESSAGE_STATES, JD_ORDER_MESSAGE_TYPES } from './jd-message';
import {
  isJdDispatchedTrackEntry,
  jdOrderDetailSchema,
  jdOrderIdFormSchema,
  jdOrderTrackResultSchema,
  jdSelectJdOrderIdByThirdOrderResultSchema,
  jdSubmitOrderFormSchema,
  jdSubmitOrderResultSchema,
  jdTrackMilestoneOf,
  readJdOrderSkus,
} from './jd-order';
import { jdMethodName, JD_PATHS } from './jd-paths';
import { JD_RESULT_CODES } from './jd-result-codes';

const FORM = {
  token: 't',
  thirdOrder: 'shp_0123456789abcdef0123-1',
  sku: JSON.stringify([{ skuId: 100012345678, num: 2, price: 39.9 }]),
  name: '李四',
  province: '22',
  city: '510100',
  county: '0',
  town: '0',
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
};

describe('JD order methods', () => {
  it('names the order paths', () => {
    expect(jdMethodName(JD_PATHS.submitOrder)).toBe('order/submitOrder');
    expect(jdMethodName(JD_PATHS.selectJdOrderIdByThirdOrder)).toBe('order/selectJdOrderIdByThirdOrder');
    expect(jdMethodName(JD_PATHS.confirmOrder)).toBe('order/confirmOrder');
    expect(jdMethodName(JD_PATHS.cancelOrder)).toBe('order/cancel');
    expect(jdMethodName(JD_PATHS.selectJdOrder)).toBe('order/selectJdOrder');
    expect(jdMethodName(JD_PATHS.orderTrack)).toBe('order/orderTrack');
    expect([JD_RESULT_CODES.orderExists, JD_RESULT_CODES.orderAlreadyConfirmed]).toEqual(['0008', '3103']);
  });

  it('takes a complete submitOrder form and reads its SKU lines', () => {
    const parsed = jdSubmitOrderFormSchema.parse(FORM);
    expect(readJdOrderSkus(parsed.sku)).toEqual([{ skuId: 100012345678, num: 2, price: 39.9 }]);
  });

  it('refuses a submitOrder form without thirdOrder, with 51 lines, bad SKU JSON, a company invoice without a name', () => {
    const { thirdOrder: _thirdOrder, ...withoutThirdOrder } = FORM;
    expect(jdSubmitOrderFormSchema.safeParse(withoutThirdOrder).success).toBe(false);
    const lines = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ skuId: 100010000000 + i, num: 1 })));
    expect(jdSubmitOrderFormSchema.safeParse({ ...FORM, sku: lines(50) }).success).toBe(true);
    expect(jdSubmitOrderFormSchema.safeParse({ ...FORM, sku: lines(51) }).success).toBe(false);
    expect(jdSubmitOrderFormSchema.safeParse({ ...FORM, sku: '[{"skuId":"x","num":1}]' }).success).toBe(false);
    expect(jdSubmitOrderFormSchema.safeParse({ ...FORM, sku: 'nope' }).success).toBe(false);
    const { companyName: _companyName, ...withoutCompany } = FORM;
    expect(jdSubmitOrderFormSchema.safeParse(withoutCompany).error?.issues[0]?.path).toEqual(['companyName']);
    expect(jdSubmitOrderFormSchema.safeParse({ ...withoutCompany, selectedInvoiceTitle: '4' }).success).toBe(true);
    expect(jdSubmitOrderFormSchema.safeParse({ ...FORM, submitState: '2' }).success).toBe(false);
    expect(jdSubmitOrderFormSchema.safeParse({ ...FORM, mobile: '12345' }).success).toBe(false);
  });

  it('reads order ids given as numbers or decimal strings', () => {
    expect(jdSelectJdOrderIdByThirdOrderResultSchema.parse(250000000001)).toBe(250000000001);
    expect(jdSelectJdOrderIdByThirdOrderResultSchema.parse('250000000001')).toBe(250000000001);
    expect(jdSelectJdOrderIdByThirdOrderResultSchema.safeParse('JD-1').success).toBe(false);
    expect(jdOrderIdFormSchema.safeParse({ token: 't', jdOrderId: '250000000001' }).success).toBe(true);
    expect(jdOrderIdFormSchema.safeParse({ token: 't', jdOrderId: 'abc' }).success).toBe(false);
  });

  it('reads submit, detail and track answers', () => {
    const order = { jdOrderId: 250000000001, freight: 0, orderPrice: 79.8, sku: [{ skuId: 100012345678, num: 2, price: 39.9, name: '豆浆机' }] };
    expect(jdSubmitOrderResultSchema.parse(order)).toEqual(order);
    expect(jdOrderDetailSchema.parse({ ...order, state: 0, submitState: 1, orderState: 1, thirdOrder: FORM.thirdOrder })).toMatchObject({ state: 0 });
    const track = jdOrderTrackResultSchema.parse({
      jdOrderId: '250000000001',
      orderTrack: [{ msgTime: '2026-11-22 12:00:00', content: '您提交了订单，请等待系统确认', operator: '客户' }],
    });
    expect(track.jdOrderId).toBe(250000000001);
    expect(jdOrderTrackResultSchema.safeParse({ jdOrderId: 1, orderTrack: [{ msgTime: '2026-11-22T12:00:00Z', content: 'x', operator: 'y' }] }).success).toBe(
      false,
    );
  });

  it('tells the track entry of a parcel leaving the warehouse from one waiting to leave', () => {
    expect(isJdDispatchedTrackEntry({ content: '您的订单在京东【成都分拣中心】发货完成，准备送往京东【成都武侯站】' })).toBe(true);
    expect(isJdDispatchedTrackEntry({ content: '您的订单已出库' })).toBe(true);
    expect(isJdDispatchedTrackEntry({ content: '您的订单已经进入京东成都仓准备出库' })).toBe(false);
    expect(isJdDispatchedTrackEntry({ content: '您提交了订单，请等待系统确认' })).toBe(false);
    expect(jdTrackMilestoneOf({ content: '配送员开始配送，请您准备收货，配送员：王师傅' })).toBe('out-for-delivery');
    expect(jdTrackMilestoneOf({ content: '您的订单已妥投，感谢您在京东购物' })).toBe('delivered');
    expect(jdTrackMilestoneOf({ content: '客户拒收（收货人拒绝签收），订单将返回京东仓库' })).toBe('rejected');
    expect(jdTrackMilestoneOf({ content: '您的订单已到达【成都武侯站】' })).toBeUndefined();
  });

  it('reads type-5 messages: delivered or rejected', () => {
    expect(JD_ORDER_MESSAGE_TYPES).toEqual([JD_MESSAGE_TYPES.orderDelivered]);
    const message = jdMessageSchema.parse({ id: '7', type: 5, time: '2026-11-22 12:00:00', result: { orderId: 250000000001, state: 2 } });
    expect(jdOrderMessageResultSchema.parse(message.result)).toEqual({ orderId: 250000000001, state: JD_ORDER_MESSAGE_STATES.rejected });
    expect(jdOrderMessageResultSchema.safeParse({ orderId: '250000000001', state: 1 }).success).toBe(false);
  });
});

describe('JD order areas', () => {
  it('maps a GB/T 2260 city code to JD province id, the city code itself, county and town 0', () => {
    expect(jdOrderAreaOf('510100')).toEqual({ province: '22', city: '510100', county: '0', town: '0' });
    expect(jdOrderAreaOf('110000')).toEqual({ province: '1', city: '110000', county: '0', town: '0' });
    expect(jdOrderAreaOf('440300')?.province).toBe('19');
    expect(jdOrderAreaOf('230100')?.province).toBe('10');
    expect(jdOrderAreaOf('810000')?.province).toBe('52993');
    expect(jdOrderAreaOf('990100')).toBeUndefined();
    expect(jdOrderAreaOf('5101')).toBeUndefined();
  });

  it('accepts only areas whose city lies in the province', () => {
    expect(isJdOrderArea({ province: '22', city: '510100' })).toBe(true);
    expect(isJdOrderArea({ province: '1', city: '0' })).toBe(true);
    expect(isJdOrderArea({ province: '1', city: '510100' })).toBe(false);
    expect(isJdOrderArea({ province: '99', city: '0' })).toBe(false);
    expect(isJdOrderArea({ province: '22', city: '5101' })).toBe(false);
  });
});
