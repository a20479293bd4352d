import { messageDispositionOf } from '@supply-hub/errors';

/** How often and how patiently a consumer retries a message whose handler failed. */
export interface RetryPolicy {
  /** Handler runs in total, the first one included; after the last one the message is dead-lettered. */
  maxAttempts: number;
  /** Wait before the second attempt. */
  initialDelayMs: number;
  /** Each further wait is the previous one times this. */
  multiplier: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** 0..1: each wait is shortened by a random share of up to this much, so instances retrying the same
   * outage do not hammer a recovering dependency in lockstep. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  multiplier: 2,
  maxDelayMs: 5_000,
  jitter: 0.2,
};

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; reason: 'not-retryable' | 'attempts-exhausted' };

export function retryPolicyOf(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  const problems: string[] = [];
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) problems.push('maxAttempts must be an integer >= 1');
  if (!(policy.initialDelayMs >= 0)) problems.push('initialDelayMs must be >= 0');
  if (!(policy.multiplier >= 1)) problems.push('multiplier must be >= 1');
  if (!(policy.maxDelayMs >= policy.initialDelayMs)) problems.push('maxDelayMs must be >= initialDelayMs');
  if (!(policy.jitter >= 0 && policy.jitter <= 1)) problems.push('jitter must be between 0 and 1');
  if (problems.length > 0) throw new Error(`invalid retry policy: ${problems.join('; ')}`);
  return policy;
}

/**
 * The wait after the `failedAttempt`-th failure (1-based): exponential, capped, then shortened by a
 * random share of up to `jitter` (so it stays within [cap * (1 - jitter), cap]).
 */
export function backoffDelayMs(policy: RetryPolicy, failedAttempt: number, random: () => number = Math.random): number {
  const exponential = policy.initialDelayMs * policy.multiplier ** (failedAttempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (1 - policy.jitter * random()));
}

/** The longest a message can be held by retries before it is dead-lettered (no jitter, every wait). */
export function worstCaseRetryTimeMs(policy: RetryPolicy): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) total += backoffDelayMs(policy, attempt, () => 0);
  return total;
}

/**
 * What to do after a handler failed: errors that cannot succeed on a retry (invalid input, unknown
 * entity) go to the dead-letter topic at once; the rest are retried until the attempts run out.
 */
export function decideAfterFailure(error: unknown, failedAttempt: number, policy: RetryPolicy, random: () => number = Math.random): FailureDecision {
  if (messageDispositionOf(error) === 'dead-letter') return { action: 'dead-letter', reason: 'not-retryable' };
  if (failedAttempt >= policy.maxAttempts) return { action: 'dead-letter', reason: 'attempts-exhausted' };
  return { action: 'retry', delayMs: backoffDelayMs(policy, failedAttempt, random) };
}
