import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signatures on the webhooks we send to malls, in the shape Stripe made familiar:
 * `SupplyHub-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp is
 * inside the signed text, so a captured delivery cannot be replayed later with a fresh `t`. Several
 * `v1=` entries may appear while a secret is being rotated; one valid entry is enough.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'SupplyHub-Signature';
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The HMAC key is this whole string as UTF-8, prefix included, so malls can use it as they get it. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

export type WebhookVerification = { valid: true; timestampSeconds: number } | { valid: false; reason: 'malformed' | 'stale' | 'mismatch' };

export function verifyWebhook(
  secret: string,
  header: string,
  body: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): WebhookVerification {
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamps = parts.filter(([name]) => name === 't').map(([, value]) => value);
  const signatures = parts.filter(([name, value]) => name === 'v1' && value && /^[0-9a-f]{64}$/.test(value)).map(([, value]) => value as string);
  if (timestamps.length !== 1 || !/^\d{1,12}$/.test(timestamps[0] ?? '') || signatures.length === 0) return { valid: false, reason: 'malformed' };

  const timestampSeconds = Number(timestamps[0]);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestampSeconds) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return { valid: false, reason: 'stale' };

  const expected = Buffer.from(hmacHex(secret, timestampSeconds, body), 'hex');
  const matches = signatures.some((signature) => timingSafeEqual(expected, Buffer.from(signature, 'hex')));
  return matches ? { valid: true, timestampSeconds } : { valid: false, reason: 'mismatch' };
}

function hmacHex(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}
