import { EventEmitter } from 'node:events';
import { isSensitiveKey, maskText, REDACTED, redactLogRecord, redactLogValue, redactSerializedError } from './redact';

describe('log redaction', () => {
  it('blanks values under sensitive keys at any depth', () => {
    const record = {
      headers: { authorization: 'Bearer abc', 'x-api-key': 'sk_tenant_x', cookie: 'sid=1', accept: 'application/json' },
      body: { password: 'p', webhook: { signingSecret: 's' }, refresh_token: 't', apiKey: 'k', API_KEY: 'k2' },
      lines: [{ cardCode: 'ABCD-1234', pin: '0000', code: '987654', quantity: 2 }],
      statusCode: 201,
      cityCode: '110100',
      skuCode: 'SKU-1',
    };
    expect(redactLogValue(record)).toEqual({
      headers: { authorization: REDACTED, 'x-api-key': REDACTED, cookie: REDACTED, accept: 'application/json' },
      body: { password: REDACTED, webhook: { signingSecret: REDACTED }, refresh_token: REDACTED, apiKey: REDACTED, API_KEY: REDACTED },
      lines: [{ cardCode: REDACTED, pin: REDACTED, code: REDACTED, quantity: 2 }],
      statusCode: 201,
      cityCode: '110100',
      skuCode: 'SKU-1',
    });
  });

  it('masks mainland mobile numbers wherever they appear', () => {
    expect(maskText('call 13812341234 now')).toBe('call 138****1234 now');
    expect(maskText('+8613912345678, 159-1234-5678 and 186 1234 5678')).toBe('+86139****5678, 159-****-5678 and 186 **** 5678');
    expect(redactLogValue({ address: { recipient: '张三', mobile: '13700001111', note: '收件人电话 18612345678' } })).toEqual({
      address: { recipient: '张三', mobile: '137****1111', note: '收件人电话 186****5678' },
    });
  });

  it('leaves digit runs that are not mobile numbers alone', () => {
    expect(maskText('order 202401011381234123456 at 1700000000123')).toBe('order 202401011381234123456 at 1700000000123');
    expect(maskText('landline 010-12345678, 12345678901')).toBe('landline 010-12345678, 12345678901');
  });

  it('masks keys, tokens and secrets in free text', () => {
    const key = `sk_tenant_${'a'.repeat(43)}`;
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    expect(maskText(`rejected key ${key}`)).toBe(`rejected key sk_tenant_${REDACTED}`);
    expect(maskText(`Authorization: Bearer ${jwt}`)).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(maskText(`token was ${jwt}`)).toBe(`token was ${REDACTED}`);
    expect(maskText('secret whsec_abcdefghijklmnop')).toBe(`secret whsec_${REDACTED}`);
    expect(maskText('GET /codes?cardCode=1&token=abc&page=2&code=99')).toBe(`GET /codes?cardCode=1&token=${REDACTED}&page=2&code=${REDACTED}`);
  });

  it('turns errors into plain records with masked text and keeps driver codes', () => {
    const error = Object.assign(new Error('duplicate phone 13812341234'), { code: 11000, keyValue: { mobile: '13812341234' } });
    const redacted = redactLogValue({ err: error }) as { err: Record<string, unknown> };
    expect(redacted.err).toMatchObject({ type: 'Error', message: 'duplicate phone 138****1234', code: 11000, keyValue: { mobile: '138****1234' } });
    expect(redacted.err['stack']).toContain('138****1234');
    const cardError = Object.assign(new Error('bad'), { code: 'x9-secret-card' });
    expect((redactLogValue(cardError) as Record<string, unknown>)['code']).toBe(REDACTED);
  });

  it('copes with cycles, depth, binaries and emitters without touching the input', () => {
    const cyclic: Record<string, unknown> = { name: 'a', password: 'p' };
    cyclic['self'] = cyclic;
    expect(redactLogValue(cyclic)).toEqual({ name: 'a', password: REDACTED, self: '[Circular]' });
    expect(cyclic['password']).toBe('p');
    const emitter = new EventEmitter();
    expect(redactLogValue({ req: emitter })).toEqual({ req: emitter });
    expect(redactLogValue({ blob: Buffer.from('secret') })).toEqual({ blob: '[Binary]' });
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 12; i++) deep = { deep };
    expect(JSON.stringify(redactLogValue(deep))).toContain('[Truncated]');
  });

  it('recognises sensitive key spellings', () => {
    for (const key of ['password', 'x-api-key', 'apiKey', 'clientSecret', 'accessToken', 'Set-Cookie', 'cardCode', 'card_code', 'smsCode', 'PIN']) {
      expect(isSensitiveKey(key)).toBe(true);
    }
    for (const key of ['statusCode', 'countryCode', 'postalCode', 'pinyin', 'skuCode', 'quantity']) {
      expect(isSensitiveKey(key)).toBe(false);
    }
  });

  it('leaves errors on a log record to pino\'s serializer and redacts what it produces', () => {
    const error = new Error('for 13812341234');
    const record = redactLogRecord({ err: error, token: 'abc', note: 'call 13812341234' });
    expect(record).toEqual({ err: error, token: REDACTED, note: 'call 138****1234' });
    expect(redactSerializedError({ type: 'MongoServerError', message: 'dup 13812341234', code: 11000, stack: 'at x' })).toEqual({
      type: 'MongoServerError',
      message: 'dup 138****1234',
      code: 11000,
      stack: 'at x',
    });
    expect(redactSerializedError({ type: 'Error', message: 'm', code: 'abcd-1234-card' })).toMatchObject({ code: REDACTED });
  });
});
