import { DependencyUnavailableError, DomainError } from '@supply-hub/errors';

/**
 * The upstream answered and refused the request (a 4xx other than 429): trying again unchanged cannot
 * help, so it is neither retried nor counted against the breaker. An adapter that expects a status
 * (404 for a deleted item, 304 for an unchanged feed) lists it in `acceptStatuses` instead.
 */
export class UpstreamRejectedError extends DomainError {
  readonly code = 'upstream-rejected';
  // Our request or our credentials are wrong: a fault on our side, whoever asked us.
  readonly kind = 'internal';

  constructor(
    readonly endpoint: string,
    readonly status: number,
    bodyExcerpt: string,
  ) {
    super(`${endpoint} refused the request with HTTP ${status}`, { endpoint, status, bodyExcerpt });
  }
}

/**
 * What the last failed attempt ran into, in DependencyUnavailableError's `details.lastFailure`: an adapter
 * may treat a persistently unreadable answer for one record ('invalid-body') differently from an
 * upstream that cannot be reached ('transport', 'timeout', 'status', 'breaker-open').
 */
export type UpstreamFailureKind = 'transport' | 'timeout' | 'status' | 'invalid-body' | 'classified' | 'breaker-open';

/** Why one attempt failed in a way worth retrying; internal to the client, never thrown to callers. */
export class RetryableAttemptError extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    readonly reason: string,
    readonly status: number | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(reason);
    this.name = 'RetryableAttemptError';
  }
}

/** The first 300 characters of a body, for error details and logs. */
export function bodyExcerpt(data: unknown): string {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data.slice(0, 300);
  if (Buffer.isBuffer(data)) return data.toString('utf8', 0, 300);
  try {
    return JSON.stringify(data).slice(0, 300);
  } catch {
    return '';
  }
}

/** The kind of the last failure behind a DependencyUnavailableError from HttpClient, if it is one. */
export function upstreamFailureKindOf(error: unknown): UpstreamFailureKind | undefined {
  if (!(error instanceof DependencyUnavailableError)) return undefined;
  return error.details['lastFailure'] as UpstreamFailureKind | undefined;
}
