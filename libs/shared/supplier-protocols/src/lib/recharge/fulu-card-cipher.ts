import { createCipheriv, createDecipheriv } from 'node:crypto';

const ALGORITHM = 'aes-128-ecb';
const KEY_BYTES = 16;

/**
 * The key card passwords (卡密) are encrypted with. (unsure) The notes say "AES-ECB with a key derived
 * from the app secret"; read here as AES-128-ECB with the first 16 bytes of the UTF-8 app secret as the
 * key, PKCS#7 padding, the ciphertext in base64. Checked against a live account, only this function
 * (and ALGORITHM) change: md5 of the secret would be `createHash('md5').update(secret).digest()`.
 */
export function fuluCardKey(appSecret: string): Buffer {
  const bytes = Buffer.from(appSecret, 'utf8');
  if (bytes.length < KEY_BYTES) throw new RangeError(`the app secret must have at least ${KEY_BYTES} bytes to derive the card key`);
  return bytes.subarray(0, KEY_BYTES);
}

/** A card password as the provider sends it (the sandbox encrypts with this). */
export function encryptFuluCardPassword(password: string, appSecret: string): string {
  const cipher = createCipheriv(ALGORITHM, fuluCardKey(appSecret), null);
  return Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]).toString('base64');
}

/** The plaintext of an encrypted card password; throws when it is not base64 AES of this key. */
export function decryptFuluCardPassword(encrypted: string, appSecret: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted)) throw new RangeError('card password is not base64');
  const decipher = createDecipheriv(ALGORITHM, fuluCardKey(appSecret), null);
  return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]).toString('utf8');
}
