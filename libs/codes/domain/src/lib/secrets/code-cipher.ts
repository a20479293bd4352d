import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CodeKeyRing } from './code-key-ring';

/** A secret (card code or password) as stored: AES-256-GCM, with the id of the key that sealed it. */
export interface SealedSecret {
  keyId: string;
  /** base64 of the 12-byte nonce, the ciphertext and the 16-byte tag. */
  iv: string;
  data: string;
  tag: string;
}

const ALGORITHM = 'aes-256-gcm';

/**
 * Seals `plaintext` with the ring's current key. `context` (the record's id) is authenticated with it,
 * so a ciphertext copied onto another record does not open there.
 */
export function sealSecret(ring: CodeKeyRing, plaintext: string, context: string): SealedSecret {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: ring.current, iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export class UnknownCodeKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no key "${keyId}" in CODE_ENCRYPTION_KEYS: a key still in use was dropped before rotate-keys re-encrypted its secrets`);
  }
}

/** Opens a sealed secret; throws when the key is unknown or the data, tag or context do not match. */
export function openSecret(ring: CodeKeyRing, sealed: SealedSecret, context: string): string {
  const key = ring.keys.get(sealed.keyId);
  if (!key) throw new UnknownCodeKeyError(sealed.keyId);
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}

/** The same secret sealed again with the current key (rotation); unchanged when it already uses it. */
export function resealSecret(ring: CodeKeyRing, sealed: SealedSecret, context: string): SealedSecret {
  return sealed.keyId === ring.current ? sealed : sealSecret(ring, openSecret(ring, sealed, context), context);
}
