/**
 * The decisions of webhook delivery, as pure functions: when to try again, when to give up, what the
 * bounded attempt log keeps, when an endpoint has failed often enough to be disabled.
 */

/** One try to POST an event to an endpoint, as logged on the delivery record. */
export interface DeliveryAttempt {
  /** 1 for the first attempt; counts manual retries too. */
  attempt: number;
  at: Date;
  /** The answer's status, null when none came (timeout, refused connection). */
  statusCode: number | null;
  /** Why it failed, null on success. */
  error: string | null;
  durationMs: number;
}

export type DeliveryDecision = { status: 'delivered' } | { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/**
 * The wait after failed attempt `failedAttempt` (1-based): the schedule's entry for it, the last entry
 * repeating, stretched by up to `jitterRatio` at random. Never shorter than the schedule says, so a mall
 * that asks for a quiet spell gets at least that.
 */
export function retryDelayMs(scheduleMs: readonly number[], failedAttempt: number, random: () => number, jitterRatio: number): number {
  if (scheduleMs.length === 0) throw new Error('a retry schedule needs at least one delay');
  const base = scheduleMs[Math.min(Math.max(failedAttempt, 1), scheduleMs.length) - 1] ?? 0;
  return Math.round(base * (1 + jitterRatio * random()));
}

export interface DecisionInput {
  /** The attempt just made (1-based). */
  attempt: number;
  /** Attempts this delivery may use in all (manual retries raise it by one each). */
  maxAttempts: number;
  succeeded: boolean;
  now: Date;
  retryScheduleMs: readonly number[];
  jitterRatio: number;
  random: () => number;
}

export function decideAfterAttempt(input: DecisionInput): DeliveryDecision {
  if (input.succeeded) return { status: 'delivered' };
  if (input.attempt >= input.maxAttempts) return { status: 'failed' };
  return {
    status: 'pending',
    nextAttemptAt: new Date(input.now.getTime() + retryDelayMs(input.retryScheduleMs, input.attempt, input.random, input.jitterRatio)),
  };
}

/** The log with `attempt` appended, keeping the newest `limit` (the record's attemptCount keeps the total). */
export function appendAttempt(log: readonly DeliveryAttempt[], attempt: DeliveryAttempt, limit: number): DeliveryAttempt[] {
  return [...log, attempt].slice(-limit);
}

/** 2xx only: a redirect or any other answer means the mall did not take the event. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/** Whether an endpoint with `consecutiveFailures` failed deliveries in a row is to be disabled. */
export function shouldDisableEndpoint(consecutiveFailures: number, disableAfterFailures: number): boolean {
  return consecutiveFailures >= disableAfterFailures;
}

export function disabledReasonFor(consecutiveFailures: number, lastError: string | null): string {
  return `disabled after ${consecutiveFailures} failed deliveries in a row${lastError ? `; last error: ${lastError}` : ''}`.slice(0, 500);
}
