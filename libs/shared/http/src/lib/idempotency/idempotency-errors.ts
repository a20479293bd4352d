import { ConflictError } from '@supply-hub/errors';

/** The first request with this key has not finished yet: retry after a moment. */
export class IdempotentRequestInProgressError extends ConflictError {
  override readonly code = 'idempotency-request-in-progress';

  constructor(key: string) {
    super(`a request with idempotency key ${key} is still being processed; retry shortly`, { key });
  }
}
