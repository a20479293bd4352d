import { upstreamFailureKindOf } from '@supply-hub/http-client';
import type { RechargeOrderState, RechargeSubmitResult } from '@supply-hub/codes-domain';

/**
 * A submit that got no readable answer: `not-sent` only when the breaker refused it (nothing went on the
 * wire), else `unknown` (timeout, 5xx, cut connection, a 4xx page, an unreadable body: the order may
 * exist, so the caller queries before anything else).
 */
export function submitFailure(error: unknown): RechargeSubmitResult {
  const reason = reasonOf(error);
  return upstreamFailureKindOf(error) === 'breaker-open' ? { state: 'not-sent', reason } : { state: 'unknown', reason };
}

/**
 * A submit the provider answered without taking it: a repeated order number is `duplicate` (the first
 * order stands: query it), the provider's own trouble ("busy") `unknown`, anything else a refusal.
 */
export function submitRefusal(answer: { duplicate: boolean; busy: boolean; reason: string }): RechargeSubmitResult {
  if (answer.duplicate) return { state: 'duplicate' };
  return answer.busy ? { state: 'unknown', reason: answer.reason } : { state: 'failed', reason: answer.reason };
}

/** A query that got no readable answer: nothing is known, whatever the cause. */
export function queryFailure(error: unknown): RechargeOrderState {
  return { state: 'unknown', reason: reasonOf(error) };
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
