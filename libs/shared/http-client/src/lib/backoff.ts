import type { RetrySettings } from './http-client-settings';

/**
 * "Full jitter" (AWS architecture blog, Exponential Backoff And Jitter): a uniform delay between zero and
 * the capped exponential step, so clients that failed together do not retry together.
 */
export function fullJitterDelayMs(retry: Pick<RetrySettings, 'baseDelayMs' | 'maxDelayMs'>, failedAttempt: number, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `nowMs`; undefined when
 * absent or unreadable. A date in the past means "now".
 */
export function retryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
