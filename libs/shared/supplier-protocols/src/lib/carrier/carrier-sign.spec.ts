import { readCarrierCallback } from './carrier-callback';
import { carrierPushParamTextSchema } from './carrier-push';
import { carrierPushSign, verifyCarrierPushSign } from './carrier-sign';

// The worked carrier example at the end of /work/shared/reference/protocols.md: these exact bytes.
const WORKED_PARAM =
  '{"status":"polling","message":"","lastResult":{"com":"shunfeng","nu":"SF1234567890","state":"0","ischeck":"0","data":[{"context":"【深圳市】已揽收","time":"2026-11-22 10:00:00","ftime":"2026-11-22 10:00:00","status":"揽收"}]}}';
const WORKED_SIGN = 'C164AA2ECA94D4F93B2328558B39D0A7';

describe('carrier push signing', () => {
  it('reproduces the worked example', () => {
    expect(carrierPushSign(WORKED_PARAM, 's4lt')).toBe(WORKED_SIGN);
  });

  it('verifies the worked signature, in either hex case, and nothing else', () => {
    expect(verifyCarrierPushSign(WORKED_PARAM, 's4lt', WORKED_SIGN)).toBe(true);
    expect(verifyCarrierPushSign(WORKED_PARAM, 's4lt', WORKED_SIGN.toLowerCase())).toBe(true);
    expect(verifyCarrierPushSign(WORKED_PARAM, 'salt', WORKED_SIGN)).toBe(false);
    expect(verifyCarrierPushSign(WORKED_PARAM.replace('10:00:00', '10:00:01'), 's4lt', WORKED_SIGN)).toBe(false);
    expect(verifyCarrierPushSign(WORKED_PARAM, 's4lt', WORKED_SIGN.slice(1))).toBe(false);
    expect(verifyCarrierPushSign(WORKED_PARAM, 's4lt', undefined)).toBe(false);
  });

  it('signs the bytes as sent: the same JSON re-serialised with other spacing is another signature', () => {
    const respaced = JSON.stringify(JSON.parse(WORKED_PARAM), null, 1);
    expect(carrierPushSign(respaced, 's4lt')).not.toBe(WORKED_SIGN);
  });

  it('parses the worked param', () => {
    const param = carrierPushParamTextSchema.parse(WORKED_PARAM);
    expect(param.lastResult).toMatchObject({ com: 'shunfeng', nu: 'SF1234567890', state: '0', ischeck: '0' });
    expect(param.lastResult.data[0]).toEqual({ context: '【深圳市】已揽收', time: '2026-11-22 10:00:00', ftime: '2026-11-22 10:00:00', status: '揽收' });
  });
});

describe('readCarrierCallback', () => {
  it('accepts the worked push with its salt', () => {
    const reading = readCarrierCallback({ param: WORKED_PARAM, sign: WORKED_SIGN }, 's4lt');
    expect(reading).toMatchObject({ ok: true, paramText: WORKED_PARAM, param: { status: 'polling' } });
  });

  it('checks the signature before reading the JSON', () => {
    expect(readCarrierCallback({ param: WORKED_PARAM }, 's4lt')).toEqual({ ok: false, reason: 'missing-sign' });
    expect(readCarrierCallback({ param: WORKED_PARAM, sign: WORKED_SIGN }, 'other')).toEqual({ ok: false, reason: 'bad-sign' });
    expect(readCarrierCallback({ param: 'not json', sign: carrierPushSign('not json', 's4lt') }, 's4lt')).toMatchObject({ ok: false, reason: 'bad-param' });
    expect(readCarrierCallback({ sign: WORKED_SIGN }, 's4lt')).toEqual({ ok: false, reason: 'missing-param' });
  });

  it('reads an unsigned push when the subscription has no salt', () => {
    expect(readCarrierCallback({ param: WORKED_PARAM }, undefined).ok).toBe(true);
  });

  it('names the first problem of a malformed param', () => {
    const broken = WORKED_PARAM.replace('"2026-11-22 10:00:00","ftime"', '"2026-02-30 10:00:00","ftime"');
    const reading = readCarrierCallback({ param: broken }, undefined);
    expect(reading).toMatchObject({ ok: false, reason: 'bad-param', detail: expect.stringContaining('lastResult.data.0.time') });
  });
});
