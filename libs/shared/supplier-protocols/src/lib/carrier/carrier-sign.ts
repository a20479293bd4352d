import { timingSafeEqual } from 'node:crypto';
import { md5Hex } from '../common/digest';

/** `sign` of a push: upper-case MD5 hex of the exact `param` text followed by the subscription's salt. */
export function carrierPushSign(paramJson: string, salt: string): string {
  return md5Hex(paramJson + salt).toUpperCase();
}

/** Whether `sign` matches `param` and the salt (hex case ignored), compared in constant time. */
export function verifyCarrierPushSign(paramJson: string, salt: string, sign: string | undefined): boolean {
  if (typeof sign !== 'string') return false;
  const given = Buffer.from(sign.toUpperCase());
  const expected = Buffer.from(carrierPushSign(paramJson, salt));
  // Constant-time, so a sender cannot find a signature byte by byte from response times.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
