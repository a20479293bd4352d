import { ValidationError } from '@supply-hub/errors';

/** AES-256 keys by id; `current` encrypts, every key decrypts (so rotation can re-encrypt at leisure). */
export interface CodeKeyRing {
  readonly current: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * CODE_ENCRYPTION_KEYS: `keyId:base64key` entries separated by commas, the first being the one new
 * ciphertexts use. Rotation: put the new key first, keep the old ones until `rotate-keys` has
 * re-encrypted everything, then drop them.
 */
export function parseCodeKeyRing(text: string): CodeKeyRing {
  const keys = new Map<string, Buffer>();
  const issues: { path: string; message: string }[] = [];
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (!KEY_ID.test(id)) issues.push({ path: `${index}`, message: 'must be keyId:base64key with a key id of letters, digits, "_" or "-"' });
    else if (key.length !== 32) issues.push({ path: id, message: `must be 32 bytes in base64 (an AES-256 key), got ${key.length}` });
    else if (keys.has(id)) issues.push({ path: id, message: 'key id used twice' });
    else keys.set(id, key);
  });
  if (entries.length === 0) issues.push({ path: '', message: 'at least one key is needed' });
  if (issues.length > 0) {
    throw new ValidationError(`code encryption keys: ${issues.map((issue) => `${issue.path || '(list)'}: ${issue.message}`).join('; ')}`, issues);
  }
  return { current: [...keys.keys()][0]!, keys };
}
