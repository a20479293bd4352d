import { createHash, createHmac } from 'node:crypto';

/** Hex digests over UTF-8 text, the only encoding both suppliers sign with. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function hmacHex(algorithm: 'md5' | 'sha256', key: string, text: string): string {
  return createHmac(algorithm, key).update(text, 'utf8').digest('hex');
}
