import { createHmac } from 'node:crypto';

/**
 * What duplicate detection compares instead of the code: HMAC-SHA256 under a secret of its own (codes
 * are short enough that a plain hash could be reversed by trying them all). Independent of the
 * encryption keys, so rotating those does not change it.
 */
export function codeFingerprint(secret: string, skuId: string, code: string): string {
  return createHmac('sha256', secret).update(`${skuId}\u0000${code.trim()}`).digest('hex');
}
