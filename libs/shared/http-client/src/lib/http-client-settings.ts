import { z } from 'zod';

/**
 * The tunables of one client, as configuration (JSON or env) states them. Defaults suit a supplier API
 * called by a batch sync: patient retries, a breaker that needs a real run of failures to open.
 */
export const rateLimitSettingsSchema = z.object({
  /** Sustained requests per second; callers wait for a token rather than fail. */
  requestsPerSecond: z.number().positive(),
  /** Requests that may go at once after a quiet spell (the bucket size); defaults to ceil(requestsPerSecond). */
  burst: z.number().int().positive().optional(),
});
export type RateLimitSettings = z.infer<typeof rateLimitSettingsSchema>;

export const retrySettingsSchema = z.object({
  /** Tries in all, the first included; 1 disables retries. */
  maxAttempts: z.number().int().min(1).max(20).default(4),
  baseDelayMs: z.number().int().nonnegative().default(200),
  maxDelayMs: z.number().int().nonnegative().default(10_000),
  /** A Retry-After longer than this is not waited for: the call fails as unavailable instead. */
  maxRetryAfterMs: z.number().int().nonnegative().default(60_000),
});
export type RetrySettings = z.infer<typeof retrySettingsSchema>;

export const breakerSettingsSchema = z.object({
  /** Share of failed calls in the rolling window that opens the breaker. */
  errorThresholdPercentage: z.number().min(1).max(100).default(50),
  /** How long the breaker stays open before it lets one trial call through (half-open). */
  resetTimeoutMs: z.number().int().positive().default(30_000),
  /** Calls the window must hold before the breaker may open at all. */
  volumeThreshold: z.number().int().nonnegative().default(10),
  rollingWindowMs: z.number().int().positive().default(10_000),
  rollingBuckets: z.number().int().positive().default(10),
});
export type BreakerSettings = z.infer<typeof breakerSettingsSchema>;

export const httpClientSettingsSchema = z.object({
  timeoutMs: z.number().int().positive().default(10_000),
  rateLimit: rateLimitSettingsSchema.optional(),
  retry: retrySettingsSchema.prefault({}),
  breaker: breakerSettingsSchema.prefault({}),
});
export type HttpClientSettings = z.infer<typeof httpClientSettingsSchema>;
export type HttpClientSettingsInput = z.input<typeof httpClientSettingsSchema>;
