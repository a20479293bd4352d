import { randomBytes } from 'node:crypto';
import { openSecret, resealSecret, sealSecret, UnknownCodeKeyError } from './code-cipher';
import { codeFingerprint } from './code-fingerprint';
import { parseCodeKeyRing } from './code-key-ring';
import { maskAccount } from './masking';

const key = () => randomBytes(32).toString('base64');

describe('code secrets', () => {
  it('seals with the current key and opens again; the ciphertext does not contain the code', () => {
    const ring = parseCodeKeyRing(`k2:${key()},k1:${key()}`);
    const sealed = sealSecret(ring, 'CARD-1234-5678', 'code-1');
    expect(sealed.keyId).toBe('k2');
    expect(JSON.stringify(sealed)).not.toContain('CARD-1234-5678');
    expect(openSecret(ring, sealed, 'code-1')).toBe('CARD-1234-5678');
  });

  it('refuses a ciphertext moved to another record or tampered with', () => {
    const ring = parseCodeKeyRing(`k1:${key()}`);
    const sealed = sealSecret(ring, 'secret', 'code-1');
    expect(() => openSecret(ring, sealed, 'code-2')).toThrow();
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret(ring, { ...sealed, data: flipped.toString('base64') }, 'code-1')).toThrow();
  });

  it('rotation re-seals old ciphertexts under the new key, and the old key is no longer needed', () => {
    const old = key();
    const before = parseCodeKeyRing(`k1:${old}`);
    const sealed = sealSecret(before, 'PIN-99887766', 'code-7');
    const during = parseCodeKeyRing(`k2:${key()},k1:${old}`);
    const resealed = resealSecret(during, sealed, 'code-7');
    expect(resealed.keyId).toBe('k2');
    expect(resealSecret(during, resealed, 'code-7')).toBe(resealed);
    const after = parseCodeKeyRing(`k2:${Buffer.from(during.keys.get('k2')!).toString('base64')}`);
    expect(openSecret(after, resealed, 'code-7')).toBe('PIN-99887766');
    expect(() => openSecret(after, sealed, 'code-7')).toThrow(UnknownCodeKeyError);
  });

  it('names what is wrong with the key list', () => {
    expect(() => parseCodeKeyRing('')).toThrow(/at least one key/);
    expect(() => parseCodeKeyRing('k1:c2hvcnQ=')).toThrow(/k1: must be 32 bytes/);
    expect(() => parseCodeKeyRing(`bad id:${key()}`)).toThrow(/keyId:base64key/);
    const one = key();
    expect(() => parseCodeKeyRing(`k1:${one},k1:${one}`)).toThrow(/used twice/);
  });

  it('fingerprints per product under its own secret', () => {
    const a = codeFingerprint('s'.repeat(32), 'sku-1', 'ABCD');
    expect(a).toBe(codeFingerprint('s'.repeat(32), 'sku-1', ' ABCD '));
    expect(a).not.toBe(codeFingerprint('s'.repeat(32), 'sku-2', 'ABCD'));
    expect(a).not.toBe(codeFingerprint('t'.repeat(32), 'sku-1', 'ABCD'));
    expect(a).not.toContain('ABCD');
  });

  it('masks account numbers', () => {
    expect(maskAccount('13812345678')).toBe('138****5678');
    expect(maskAccount('1000113200001234567')).toBe('********4567');
    expect(maskAccount('abc')).toBe('***');
  });
});
