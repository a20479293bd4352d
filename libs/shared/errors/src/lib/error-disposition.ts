import { DomainError, type ErrorKind } from './domain-error';

const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

export function httpStatusOf(error: unknown): number {
  return error instanceof DomainError ? HTTP_STATUS[error.kind] : 500;
}

/**
 * What a Kafka consumer does with a message whose handler threw: an invalid message will be just as
 * invalid on the next try, so it goes straight to the dead-letter topic; anything else (a database
 * hiccup, a bug fixed by a redeploy) is retried a bounded number of times first.
 */
export type MessageDisposition = 'retry' | 'dead-letter';

export function messageDispositionOf(error: unknown): MessageDisposition {
  if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'not-found' || error.kind === 'forbidden')) {
    return 'dead-letter';
  }
  return 'retry';
}
