import { carrierCallbackForm } from './carrier-callback';
import {
  CARRIER_PUSH_ACK,
  type CarrierPushParam,
  carrierPushParamSchema,
  carrierPushParamTextSchema,
  carrierPushRefusal,
  isCarrierPushAcknowledged,
} from './carrier-push';
import { verifyCarrierPushSign } from './carrier-sign';
import { CARRIER_STATE_NAMES, CARRIER_STATES, carrierMainState, carrierStateOfName, isFinalCarrierState } from './carrier-states';

const delivered: CarrierPushParam = {
  status: 'shutdown',
  message: '',
  lastResult: {
    com: 'zhongtong',
    nu: 'ZT7300000001',
    state: '3',
    ischeck: '1',
    data: [
      {
        context: '【北京市】快件已签收，签收人：本人',
        time: '2026-11-23 15:02:11',
        ftime: '2026-11-23 15:02:11',
        status: '签收',
        areaCode: 'CN110000000000',
        areaName: '北京市',
      },
      {
        context: '【北京市】快件正在派送中',
        time: '2026-11-23 09:12:40',
        ftime: '2026-11-23 09:12:40',
        status: '派件',
        areaCode: 'CN110000000000',
        areaName: '北京市',
      },
      { context: '【深圳市】已揽收', time: '2026-11-22 10:00:00', ftime: '2026-11-22 10:00:00', status: '揽收' },
    ],
  },
};

describe('carrier push schemas', () => {
  it('round-trips a push through the form: build, sign, parse', () => {
    const form = carrierCallbackForm(delivered, 's4lt');
    expect(verifyCarrierPushSign(form.param, 's4lt', form.sign)).toBe(true);
    expect(carrierPushParamTextSchema.parse(form.param)).toEqual(delivered);
    expect(carrierCallbackForm(delivered)).toEqual({ param: form.param });
  });

  it('keeps what it knows and drops fields it does not (billstatus, autoCheck …)', () => {
    const withExtras = { ...delivered, billstatus: 'check', autoCheck: '0', lastResult: { ...delivered.lastResult, condition: 'F00' } };
    expect(carrierPushParamSchema.parse(withExtras)).toEqual(delivered);
  });

  it('takes an abort with an empty history', () => {
    const abort = { status: 'abort', message: '3天查询无记录', lastResult: { com: 'yunda', nu: '4300000000001', state: '0', ischeck: '0', data: [] } };
    expect(carrierPushParamSchema.parse(abort).status).toBe('abort');
  });

  it.each([
    ['an unknown status', { ...delivered, status: 'done' }],
    ['ischeck as a number', { ...delivered, lastResult: { ...delivered.lastResult, ischeck: 1 } }],
    ['a state that is not a code', { ...delivered, lastResult: { ...delivered.lastResult, state: '签收' } }],
    ['an ISO time', { ...delivered, lastResult: { ...delivered.lastResult, data: [{ ...delivered.lastResult.data[0]!, time: '2026-11-23T15:02:11Z' }] } }],
  ])('refuses %s', (_, value) => {
    expect(carrierPushParamSchema.safeParse(value).success).toBe(false);
  });
});

describe('the push answer', () => {
  it('is acknowledged only by the success JSON with a 2xx status', () => {
    expect(isCarrierPushAcknowledged(200, JSON.stringify(CARRIER_PUSH_ACK))).toBe(true);
    expect(isCarrierPushAcknowledged(200, '{"result":true,"returnCode":"200","message":"ok"}')).toBe(true);
    expect(isCarrierPushAcknowledged(500, JSON.stringify(CARRIER_PUSH_ACK))).toBe(false);
    expect(isCarrierPushAcknowledged(200, JSON.stringify(carrierPushRefusal('bad sign')))).toBe(false);
    expect(isCarrierPushAcknowledged(200, '{"result":true,"returnCode":200}')).toBe(false);
    expect(isCarrierPushAcknowledged(200, 'OK')).toBe(false);
    expect(isCarrierPushAcknowledged(204, '')).toBe(false);
  });
});

describe('carrier states', () => {
  it('names the states as the protocol writes them', () => {
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.inTransit]).toBe('在途');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.pickedUp]).toBe('揽收');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.problem]).toBe('疑难');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.signed]).toBe('签收');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.returnSigned]).toBe('退签');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.outForDelivery]).toBe('派件');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.returning]).toBe('退回');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.forwarded]).toBe('转投');
    expect(CARRIER_STATE_NAMES[CARRIER_STATES.refused]).toBe('拒签');
    expect(carrierStateOfName('派件')).toBe('5');
    expect(carrierStateOfName('干线')).toBeUndefined();
  });

  it('folds sub-states into main states', () => {
    expect(carrierMainState('3')).toBe('3');
    expect(carrierMainState('14')).toBe('14');
    expect(carrierMainState('101')).toBe('1');
    expect(carrierMainState('301')).toBe('3');
    expect(carrierMainState('1002')).toBe('0');
    expect(carrierMainState('1401')).toBe('14');
    expect(carrierMainState('9')).toBeUndefined();
    expect(carrierMainState('901')).toBeUndefined();
  });

  it('knows which states end the journey', () => {
    expect(isFinalCarrierState('3')).toBe(true);
    expect(isFinalCarrierState('4')).toBe(true);
    expect(isFinalCarrierState('5')).toBe(false);
  });
});
