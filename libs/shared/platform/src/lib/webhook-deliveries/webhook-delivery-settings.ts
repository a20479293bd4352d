import type { PlatformEnv } from '../config/service-config';
import { WEBHOOK_ENV_DEFAULTS } from '../config/webhook-env';

/**
 * Optional providers a test (or an app) may register in a global module to control time: a Clock (due
 * times, leases and the `t=` of signatures) and the jitter's uniform random in [0, 1). Absent, the
 * system clock and Math.random are used.
 */
export const WEBHOOK_CLOCK = Symbol('WebhookClock');
export const WEBHOOK_RANDOM = Symbol('WebhookRandom');
export const WEBHOOK_DELIVERY_SETTINGS = Symbol('WebhookDeliverySettings');

export interface WebhookDeliverySettings {
  workerEnabled: boolean;
  timeoutMs: number;
  /** Wait before attempt n+1 after attempt n failed: retryScheduleMs[n-1], the last entry repeating. */
  retryScheduleMs: readonly number[];
  /** Each wait is stretched by up to this share, at random, so endpoints that failed together are not retried together. */
  jitterRatio: number;
  maxAttempts: number;
  disableAfterFailures: number;
  pollIntervalMs: number;
  concurrency: number;
  /** Due deliveries claimed per poll. */
  batchSize: number;
  /** How long a claim holds; past it another worker may take the delivery over (its sender is presumed dead). */
  leaseMs: number;
  /** Bound on the attempts kept on a delivery record (the count is kept in full). */
  attemptLogSize: number;
  /** Largest event body accepted, in bytes of JSON. */
  maxBodyBytes: number;
}

export function webhookDeliverySettingsFrom(config: PlatformEnv): WebhookDeliverySettings {
  const env = { ...WEBHOOK_ENV_DEFAULTS, ...definedOnly(config) };
  return {
    workerEnabled: env.WEBHOOK_DELIVERY_WORKER,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    retryScheduleMs: env.WEBHOOK_RETRY_SCHEDULE,
    jitterRatio: 0.2,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
    pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS,
    concurrency: env.WEBHOOK_CONCURRENCY,
    batchSize: env.WEBHOOK_CONCURRENCY * 4,
    // Long enough that a live sender always finishes (timeout plus writes) before anyone takes over.
    leaseMs: env.WEBHOOK_TIMEOUT_MS + 60_000,
    attemptLogSize: 25,
    maxBodyBytes: 256 * 1024,
  };
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
