import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who an API key speaks for. Staff never get keys: they use short-lived bearer tokens with roles. */
export const API_KEY_KINDS = ['tenant', 'warehouse'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

/**
 * `sk_<kind>_<43 base64url chars>`. The kind in the prefix lets a person (and a secret scanner) tell a
 * mall key from a warehouse key at a glance; the store still decides, the prefix is never trusted alone.
 */
const API_KEY_PATTERN = /^sk_(tenant|warehouse)_([A-Za-z0-9_-]{43})$/;
const KEY_ID_PATTERN = /^key_[A-Za-z0-9_-]{16}$/;

export interface GeneratedApiKey {
  /** Shown to the caller exactly once; never stored. */
  plaintext: string;
  /** Public handle for listing and revoking, safe to log. */
  keyId: string;
  /** What the store keeps and looks keys up by. */
  hash: string;
  kind: ApiKeyKind;
}

export function generateApiKey(kind: ApiKeyKind): GeneratedApiKey {
  const plaintext = `sk_${kind}_${randomBytes(32).toString('base64url')}`;
  return { plaintext, keyId: generateKeyId(), hash: hashApiKey(plaintext), kind };
}

export function generateKeyId(): string {
  return `key_${randomBytes(12).toString('base64url')}`;
}

export function isKeyId(value: string): boolean {
  return KEY_ID_PATTERN.test(value);
}

/** The kind a well-formed key claims, or undefined for anything that is not one of our keys. */
export function apiKeyKindOf(plaintext: string): ApiKeyKind | undefined {
  const match = API_KEY_PATTERN.exec(plaintext);
  return match ? (match[1] as ApiKeyKind) : undefined;
}

/**
 * SHA-256, unsalted, on purpose. Slow salted hashes (bcrypt, scrypt, argon2) exist to protect
 * low-entropy passwords from offline guessing; a key with 256 random bits cannot be guessed whatever
 * the hash costs, so a fast hash loses nothing. Being deterministic, it also lets the store find a key
 * by its hash through a unique index in one lookup, without a key id inside the key and without
 * spending CPU per request.
 */
export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

/** Constant-time: how long the comparison takes says nothing about how much of the hash matched. */
export function apiKeyMatches(plaintext: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(plaintext), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
