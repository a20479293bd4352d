import { createHash } from 'node:crypto';
import type { IdempotencyRecord } from './idempotency-store';

export type IdempotencyDecision = 'replay' | 'key-reused' | 'in-progress' | 'take-over';

/** What to do when a request's key is already held by an earlier one. */
export function decideOnExisting(existing: IdempotencyRecord, fingerprint: string, now: Date, leaseMs: number): IdempotencyDecision {
  if (existing.expiresAt.getTime() <= now.getTime()) return 'take-over';
  if (existing.fingerprint !== fingerprint) return 'key-reused';
  if (existing.state === 'completed') return 'replay';
  // A holder that crashed never completes or releases; after the lease its claim is up for grabs.
  return existing.claimedAt.getTime() + leaseMs <= now.getTime() ? 'take-over' : 'in-progress';
}

/**
 * Same method, route and body (keys in any order) → same fingerprint. The route pattern rather than
 * the URL, so the comparison does not depend on how a client spells a query string.
 */
export function requestFingerprint(method: string, route: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${route}\n${canonicalJson(body)}`).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

// Printable ASCII without spaces: what clients put in keys in practice (UUIDs, order numbers).
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
