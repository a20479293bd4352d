import { type CarrierPushParam, carrierPushParamTextSchema } from '@supply-hub/supplier-protocols';
import { parseCarrierPush } from './parse-carrier-push';

describe('parseCarrierPush', () => {
  it('reads the worked example: Beijing time to ISO UTC, state names to codes', () => {
    const param = carrierPushParamTextSchema.parse(
      '{"status":"polling","message":"","lastResult":{"com":"shunfeng","nu":"SF1234567890","state":"0","ischeck":"0","data":[{"context":"【深圳市】已揽收","time":"2026-11-22 10:00:00","ftime":"2026-11-22 10:00:00","status":"揽收"}]}}',
    );
    expect(parseCarrierPush(param)).toEqual({
      pushStatus: 'polling',
      message: '',
      carrier: 'shunfeng',
      trackingNumber: 'SF1234567890',
      carrierState: '0',
      final: false,
      checkpoints: [{ time: '2026-11-22T02:00:00.000Z', context: '【深圳市】已揽收', statusName: '揽收', carrierState: '1' }],
    });
  });

  it('turns the newest-first history around and keeps areas and unknown names', () => {
    const param: CarrierPushParam = {
      status: 'shutdown',
      message: '',
      lastResult: {
        com: 'zhongtong',
        nu: 'ZT1',
        state: '3',
        ischeck: '1',
        data: [
          { context: '已签收', time: '2026-11-23 00:30:00', ftime: '2026-11-23 00:30:00', status: '签收', areaCode: 'CN110000000000', areaName: '北京市' },
          { context: '干线运输', time: '2026-11-22 23:00:00', ftime: '2026-11-22 23:00:00', status: '干线' },
        ],
      },
    };
    const push = parseCarrierPush(param);
    expect(push.final).toBe(true);
    expect(push.checkpoints).toEqual([
      { time: '2026-11-22T15:00:00.000Z', context: '干线运输', statusName: '干线' },
      { time: '2026-11-22T16:30:00.000Z', context: '已签收', statusName: '签收', carrierState: '3', areaCode: 'CN110000000000', areaName: '北京市' },
    ]);
  });
});
