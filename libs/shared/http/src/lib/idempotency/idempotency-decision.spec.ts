import { canonicalJson, decideOnExisting, isValidIdempotencyKey, requestFingerprint } from './idempotency-decision';
import type { IdempotencyRecord } from './idempotency-store';

const now = new Date('2030-01-01T00:00:00Z');
const record = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  owner: 'tenant:mall-1',
  key: 'k-1',
  fingerprint: 'fp',
  state: 'completed',
  claimedAt: new Date(now.getTime() - 1000),
  expiresAt: new Date(now.getTime() + 3600_000),
  response: { status: 201, body: '{}' },
  ...overrides,
});

describe('idempotency decisions', () => {
  it('replays a completed request with the same fingerprint', () => {
    expect(decideOnExisting(record(), 'fp', now, 60_000)).toBe('replay');
  });

  it('refuses the same key with another request', () => {
    expect(decideOnExisting(record(), 'other', now, 60_000)).toBe('key-reused');
    expect(decideOnExisting(record({ state: 'pending' }), 'other', now, 60_000)).toBe('key-reused');
  });

  it('makes a duplicate wait while the first is running, and takes over an abandoned claim', () => {
    expect(decideOnExisting(record({ state: 'pending' }), 'fp', now, 60_000)).toBe('in-progress');
    expect(decideOnExisting(record({ state: 'pending', claimedAt: new Date(now.getTime() - 60_000) }), 'fp', now, 60_000)).toBe('take-over');
  });

  it('frees an expired key for any request', () => {
    expect(decideOnExisting(record({ expiresAt: now }), 'other', now, 60_000)).toBe('take-over');
  });
});

describe('request fingerprints', () => {
  it('ignore key order but not values, routes or methods', () => {
    const a = requestFingerprint('POST', '/webhook-endpoints', { url: 'https://a', eventTypes: ['x'], nested: { b: 1, a: 2 } });
    expect(requestFingerprint('post', '/webhook-endpoints', { nested: { a: 2, b: 1 }, eventTypes: ['x'], url: 'https://a' })).toBe(a);
    expect(requestFingerprint('POST', '/webhook-endpoints', { url: 'https://b', eventTypes: ['x'], nested: { b: 1, a: 2 } })).not.toBe(a);
    expect(requestFingerprint('POST', '/orders', { url: 'https://a', eventTypes: ['x'], nested: { b: 1, a: 2 } })).not.toBe(a);
  });

  it('serialises canonically', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: undefined }], a: null })).toBe('{"a":null,"b":[1,{"d":1}]}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('accepts keys that clients use and refuses others', () => {
    expect(isValidIdempotencyKey('3f1c7a5e-9b1d-4c1e-8f00-2a6f1b7f9e11')).toBe(true);
    expect(isValidIdempotencyKey('MO-2024-000123')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('has space')).toBe(false);
    expect(isValidIdempotencyKey('k'.repeat(256))).toBe(false);
  });
});
