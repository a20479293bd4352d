import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Hex digests over UTF-8 text, the only encoding both suppliers sign with. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function hmacHex(algorithm: 'md5' | 'sha256', key: string, text: string): string {
  return createHmac(algorithm, key).update(text, 'utf8').digest('hex');
}

/**
 * Whether a received hex signature equals the expected one, hex case ignored, compared in constant time
 * so a sender cannot find a signature byte by byte from response times.
 */
export function hexSignatureEquals(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
