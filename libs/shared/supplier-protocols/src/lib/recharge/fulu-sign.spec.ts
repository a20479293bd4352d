import { fuluAnswer, fuluOrderTextSchema } from './fulu-answer';
import { decryptFuluCardPassword, encryptFuluCardPassword } from './fulu-card-cipher';
import { fuluNotifyBody, readFuluNotify } from './fulu-notify';
import { FULU_BIZ_SCHEMAS, FULU_METHODS, fuluRequest, fuluRequestSchema } from './fulu-request';
import { fuluSign, verifyFuluSign } from './fulu-sign';

// Worked values computed independently with python3 (json.dumps(separators=(',', ':'), ensure_ascii=False),
// ''.join(sorted(text)) + secret, hashlib.md5) and openssl (enc -aes-128-ecb -K <first 16 bytes> -base64).
const SECRET = 'fulu-sandbox-secret-0123456789ab';
const NOW = Date.parse('2026-11-22T12:00:00+08:00');
const WORKED_BODY =
  '{"app_key":"fulu-sandbox-app","method":"fulu.order.direct.add","timestamp":"2026-11-22 12:00:00","version":"2.0","format":"json","charset":"utf-8","sign_type":"md5","biz_content":"{\\"customer_order_no\\":\\"rch_0001\\",\\"product_id\\":\\"10050\\",\\"charge_account\\":\\"13800138000\\",\\"buy_num\\":1}"}';
const WORKED_SIGN = '8a8465bd7c952a338f20952648dcc2c2';

describe('fuluSign', () => {
  it('reproduces the worked request: sorted characters of the JSON, the secret appended, md5', () => {
    expect(fuluSign(JSON.parse(WORKED_BODY), SECRET)).toBe(WORKED_SIGN);
    const request = fuluRequest({
      appKey: 'fulu-sandbox-app',
      appSecret: SECRET,
      method: FULU_METHODS.directAdd,
      biz: { customer_order_no: 'rch_0001', product_id: '10050', charge_account: '13800138000', buy_num: 1 },
      now: NOW,
    });
    const { sign, ...unsigned } = request;
    expect(JSON.stringify(unsigned)).toBe(WORKED_BODY);
    expect(sign).toBe(WORKED_SIGN);
    expect(fuluRequestSchema.parse(request)).toEqual(request);
    expect(FULU_BIZ_SCHEMAS[FULU_METHODS.directAdd].parse(request.biz_content)).toMatchObject({ product_id: '10050', buy_num: 1 });
  });

  it('ignores key order and the sign field, but not spacing, escaping or number formats', () => {
    const fields = JSON.parse(WORKED_BODY) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(fields).reverse());
    expect(fuluSign({ ...reordered, sign: 'whatever' }, SECRET)).toBe(WORKED_SIGN);
    expect(fuluSign({ ...fields, biz_content: String(fields['biz_content']).replace('"buy_num":1', '"buy_num":"1"') }, SECRET)).not.toBe(WORKED_SIGN);
    expect(fuluSign({ ...fields, timestamp: '2026-11-22 12:00:01' }, SECRET)).not.toBe(WORKED_SIGN);
    expect(fuluSign(fields, 'another-secret')).not.toBe(WORKED_SIGN);
  });

  it('verifies in either hex case and refuses anything else', () => {
    const fields = JSON.parse(WORKED_BODY) as Record<string, unknown>;
    expect(verifyFuluSign({ ...fields, sign: WORKED_SIGN }, SECRET)).toBe(true);
    expect(verifyFuluSign({ ...fields, sign: WORKED_SIGN.toUpperCase() }, SECRET)).toBe(true);
    expect(verifyFuluSign({ ...fields, sign: WORKED_SIGN.slice(1) }, SECRET)).toBe(false);
    expect(verifyFuluSign(fields, SECRET)).toBe(false);
    expect(verifyFuluSign({ ...fields, sign: 42 }, SECRET)).toBe(false);
  });
});

describe('fulu notify', () => {
  // The worked notify: these fields in this order, 充值成功 as UTF-8.
  const fields = {
    order_id: 'FL202611220001',
    customer_order_no: 'rch_0001',
    order_status: 'success' as const,
    charge_finish_time: '2026-11-22 12:00:05',
    recharge_description: '充值成功',
    product_id: '10050',
    buy_num: 1,
    operator_serial_number: 'SN8800001',
  };
  const WORKED_NOTIFY_SIGN = '2edce2e3a83deb2041dc0c1cd325d423';

  it('is signed with the same function as a request', () => {
    expect(fuluNotifyBody(fields, SECRET).sign).toBe(WORKED_NOTIFY_SIGN);
  });

  it('is read only with a good signature, then checked field by field', () => {
    const body = JSON.stringify({ ...fields, sign: WORKED_NOTIFY_SIGN });
    expect(readFuluNotify(body, SECRET)).toEqual({ ok: true, notify: { ...fields, sign: WORKED_NOTIFY_SIGN } });
    expect(readFuluNotify(body, 'another-secret')).toEqual({ ok: false, reason: 'bad-sign' });
    expect(readFuluNotify(body.replace('success', 'failed'), SECRET)).toEqual({ ok: false, reason: 'bad-sign' });
    expect(readFuluNotify('order_id=1', SECRET)).toEqual({ ok: false, reason: 'not-json' });
    expect(readFuluNotify('[1]', SECRET)).toEqual({ ok: false, reason: 'not-json' });
    const strange = fuluNotifyBody({ ...fields, order_status: 'refunded' } as never, SECRET);
    expect(readFuluNotify(JSON.stringify(strange), SECRET)).toMatchObject({ ok: false, reason: 'bad-fields', detail: expect.stringContaining('order_status') });
  });
});

describe('fulu card passwords', () => {
  const WORKED_CIPHERTEXT = 'ZkYjpPlznZMgwkpd1poPrwUV6zMKYmGBQleTJ4aSfvs=';

  it('reproduces the worked ciphertext (AES-128-ECB, first 16 bytes of the secret, PKCS#7, base64) and decrypts it', () => {
    expect(encryptFuluCardPassword('PWD-1234-5678-9012', SECRET)).toBe(WORKED_CIPHERTEXT);
    expect(decryptFuluCardPassword(WORKED_CIPHERTEXT, SECRET)).toBe('PWD-1234-5678-9012');
    expect(decryptFuluCardPassword(encryptFuluCardPassword('密码 7788', SECRET), SECRET)).toBe('密码 7788');
  });

  it('refuses what it cannot decrypt, and a secret too short for a key', () => {
    expect(() => decryptFuluCardPassword('not base64!', SECRET)).toThrow(RangeError);
    expect(() => decryptFuluCardPassword(WORKED_CIPHERTEXT, 'another-secret-of-some-length')).toThrow();
    expect(() => encryptFuluCardPassword('x', 'short')).toThrow(RangeError);
  });
});

describe('fulu answers', () => {
  it('carries the result as JSON text, read back with the order schema', () => {
    const order = {
      order_id: 'FL1',
      customer_order_no: 'rch_0001',
      product_id: '10050',
      buy_num: 1,
      order_state: 'processing',
      create_time: '2026-11-22 12:00:00',
    };
    const answer = fuluAnswer(0, '成功', order, SECRET);
    expect(answer.sign).toBe(fuluSign({ code: 0, message: '成功', result: answer.result }, SECRET));
    expect(fuluOrderTextSchema.parse(answer.result)).toEqual(order);
    expect(fuluAnswer(3001, '外部订单号重复', undefined, SECRET).result).toBe('');
    expect(fuluOrderTextSchema.safeParse(JSON.stringify({ ...order, order_state: 'done' })).success).toBe(false);
  });
});
