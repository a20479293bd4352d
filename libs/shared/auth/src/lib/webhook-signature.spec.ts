import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'whsec_test';
const body = '{"type":"supplyhub.order.routed.v1","data":{"orderId":"o-1"}}';

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 in a t=,v1= header', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signWebhook(secret, 1700000000, body);
    expect(verifyWebhook(secret, header, body, { nowSeconds: 1700000100 })).toEqual({ valid: true, timestampSeconds: 1700000000 });
  });

  it('rejects a changed body, another secret, a stale timestamp and garbage', () => {
    const header = signWebhook(secret, 1700000000, body);
    expect(verifyWebhook(secret, header, body + ' ', { nowSeconds: 1700000000 })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyWebhook('whsec_other', header, body, { nowSeconds: 1700000000 })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyWebhook(secret, header, body, { nowSeconds: 1700000301 })).toEqual({ valid: false, reason: 'stale' });
    expect(verifyWebhook(secret, 'v1=abc', body)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyWebhook(secret, '', body)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('accepts any one valid v1 entry, as during a secret rotation', () => {
    const valid = signWebhook(secret, 1700000000, body).split(',')[1];
    const header = `t=1700000000,v1=${'0'.repeat(64)},${valid}`;
    expect(verifyWebhook(secret, header, body, { nowSeconds: 1700000000 }).valid).toBe(true);
  });

  it('generates distinct secrets', () => {
    expect(generateWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
  });
});
