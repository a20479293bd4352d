import { juheGameStateSchema, juheOnlineOrderParamsSchema, juheOrderSign, juheOrderStateResultSchema } from './juhe-api';
import { juheNotifyForm, juheNotifySign, readJuheNotify } from './juhe-notify';

// Worked values computed independently with python3 hashlib.md5 over the concatenations.
const KEY = 'juhe-sandbox-key';
const OPEN_ID = 'JHsandbox-openid';

describe('juhe onlineorder', () => {
  it('signs md5(openId + key + phoneno + cardnum + orderid)', () => {
    expect(juheOrderSign({ openId: OPEN_ID, key: KEY, phoneno: '13800138000', cardnum: '50', orderid: 'rch_0002' })).toBe('03407f009f006b878e4a8e8d93f11718');
  });

  it.each([
    ['a face value with fen', { cardnum: '49.5' }],
    ['a phone number that is not mobile', { phoneno: '02112345678' }],
    ['a short order id', { orderid: 'r1' }],
    ['a sign that is not md5', { sign: 'abc' }],
    ['a callback that is not http', { callback: 'ftp://x/y' }],
  ])('refuses %s', (_, override) => {
    const params = { key: KEY, phoneno: '13800138000', cardnum: '50', orderid: 'rch_0002', sign: '03407f009f006b878e4a8e8d93f11718', ...override };
    expect(juheOnlineOrderParamsSchema.safeParse(params).success).toBe(false);
  });

  it('reads game_state as a string or a number', () => {
    expect(juheGameStateSchema.parse(1)).toBe('1');
    expect(juheGameStateSchema.parse('9')).toBe('9');
    expect(juheGameStateSchema.safeParse('2').success).toBe(false);
    expect(juheOrderStateResultSchema.parse({ uordercash: '49.250', sporder_id: 'J1', game_state: 0 }).game_state).toBe('0');
  });
});

describe('juhe notify', () => {
  const WORKED_SIGN = 'f6bc70583ad7fdec1e9724e72ffab565';

  it('signs md5(key + sporder_id + orderid)', () => {
    expect(juheNotifySign(KEY, 'J26112212000001', 'rch_0002')).toBe(WORKED_SIGN);
    expect(juheNotifyForm({ sporder_id: 'J26112212000001', orderid: 'rch_0002', sta: '1' }, KEY).sign).toBe(WORKED_SIGN);
  });

  it('reads a form with a good signature and refuses the rest', () => {
    const body = `sporder_id=J26112212000001&orderid=rch_0002&sta=1&sign=${WORKED_SIGN}`;
    expect(readJuheNotify(body, KEY)).toEqual({ ok: true, notify: { sporder_id: 'J26112212000001', orderid: 'rch_0002', sta: '1', sign: WORKED_SIGN } });
    expect(readJuheNotify(body.replace('rch_0002', 'rch_0003'), KEY)).toEqual({ ok: false, reason: 'bad-sign' });
    expect(readJuheNotify(body, 'other-key')).toEqual({ ok: false, reason: 'bad-sign' });
    expect(readJuheNotify(body.replace('sta=1', 'sta=0'), KEY)).toMatchObject({ ok: false, reason: 'bad-fields', detail: expect.stringContaining('sta') });
    expect(readJuheNotify('{"orderid":"rch_0002"}', KEY)).toMatchObject({ ok: false, reason: 'bad-fields' });
  });
});
