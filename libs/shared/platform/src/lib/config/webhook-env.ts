import { envTypes } from '@supply-hub/config';
import { z } from 'zod';

const DURATION = /^(\d{1,9})(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "10s,30s,2m,10m,1h" → [10000, 30000, 120000, 600000, 3600000]; undefined when any part is not a duration. */
export function parseDurationListMs(value: string): number[] | undefined {
  const parts = value.split(',').map((part) => part.trim());
  const delays = parts.map((part) => DURATION.exec(part)).map((match) => (match ? Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? NaN) : NaN));
  return delays.length > 0 && delays.every((delay) => Number.isFinite(delay) && delay > 0) ? delays : undefined;
}

const durationList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const delays = parseDurationListMs(value);
      if (delays) return delays;
      context.addIssue({ code: 'custom', message: 'must list positive durations such as 10s,30s,2m,10m,1h (units ms, s, m, h, d)' });
      return z.NEVER;
    });

/**
 * Add to a service's env schema (`serviceEnvSchema(...).extend(webhookEnvShape)`) when it mounts webhook
 * endpoints: the URL policy and how deliveries to malls are retried.
 */
export const webhookEnvShape = {
  /** Accept http://localhost webhook URLs, for local demos against a mall simulator. */
  WEBHOOK_ALLOW_HTTP_LOCALHOST: envTypes.boolean(false),
  /** Run the delivery worker in this instance (off: the instance only dispatches; another one sends). */
  WEBHOOK_DELIVERY_WORKER: envTypes.boolean(true),
  /** A delivery attempt that has no 2xx answer within this time failed. */
  WEBHOOK_TIMEOUT_MS: envTypes.integer({ min: 100, max: 60_000, fallback: 10_000 }),
  /** Waits before the 2nd, 3rd … attempt (each plus up to 20 % jitter); the last one repeats when attempts outnumber it. */
  WEBHOOK_RETRY_SCHEDULE: durationList('10s,30s,2m,10m,1h,6h,24h'),
  /** Attempts in all, the first included; then the delivery is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: envTypes.integer({ min: 1, max: 20, fallback: 8 }),
  /** Failed deliveries in a row (no success between) after which an endpoint is disabled. */
  WEBHOOK_DISABLE_AFTER_FAILURES: envTypes.integer({ min: 1, max: 1_000, fallback: 5 }),
  /** How often the worker looks for due deliveries (a dispatch in this instance also wakes it). */
  WEBHOOK_POLL_INTERVAL_MS: envTypes.integer({ min: 10, max: 60_000, fallback: 1_000 }),
  /** Deliveries one instance sends at once. */
  WEBHOOK_CONCURRENCY: envTypes.integer({ min: 1, max: 100, fallback: 8 }),
};

export type WebhookEnv = z.output<z.ZodObject<typeof webhookEnvShape>>;

/** The defaults, for services whose env schema does not extend webhookEnvShape. */
export const WEBHOOK_ENV_DEFAULTS: WebhookEnv = z.object(webhookEnvShape).parse({});
