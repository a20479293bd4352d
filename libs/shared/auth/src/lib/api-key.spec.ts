import { apiKeyKindOf, apiKeyMatches, generateApiKey, hashApiKey, isKeyId } from './api-key';

describe('API keys', () => {
  it('generates a kind-prefixed key with 32 random bytes, a key id and its hash', () => {
    const key = generateApiKey('tenant');
    expect(key.plaintext).toMatch(/^sk_tenant_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.plaintext.slice('sk_tenant_'.length), 'base64url')).toHaveLength(32);
    expect(isKeyId(key.keyId)).toBe(true);
    expect(key.hash).toBe(hashApiKey(key.plaintext));
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).not.toContain(key.plaintext.slice(10));
  });

  it('never generates the same key or id twice', () => {
    const keys = Array.from({ length: 50 }, () => generateApiKey('warehouse'));
    expect(new Set(keys.map((k) => k.plaintext)).size).toBe(50);
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(50);
  });

  it('reads the kind from the prefix and rejects anything else', () => {
    expect(apiKeyKindOf(generateApiKey('warehouse').plaintext)).toBe('warehouse');
    expect(apiKeyKindOf(generateApiKey('tenant').plaintext)).toBe('tenant');
    expect(apiKeyKindOf('sk_staff_' + 'a'.repeat(43))).toBeUndefined();
    expect(apiKeyKindOf('sk_tenant_short')).toBeUndefined();
    expect(apiKeyKindOf('')).toBeUndefined();
  });

  it('matches a key against its stored hash only', () => {
    const key = generateApiKey('tenant');
    const other = generateApiKey('tenant');
    expect(apiKeyMatches(key.plaintext, key.hash)).toBe(true);
    expect(apiKeyMatches(other.plaintext, key.hash)).toBe(false);
    expect(apiKeyMatches(key.plaintext, 'abc')).toBe(false);
  });
});
