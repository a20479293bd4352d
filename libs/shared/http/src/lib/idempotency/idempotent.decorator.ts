import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from '../problem/api-problem-responses';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT = 'supplyhub:idempotent';

export interface IdempotentOptions {
  /** A body field that serves as the key when no header is sent, such as the mall's own order id. */
  bodyField?: string;
  /** Reject requests without any key (400) instead of running them unprotected. */
  required?: boolean;
  /** How long a claimed, unfinished request blocks its key before another may take over. */
  leaseMs?: number;
  /** How long a key and its stored answer are kept. */
  ttlMs?: number;
}

export const DEFAULT_IDEMPOTENCY_LEASE_MS = 60_000;
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * For create endpoints: a repeated request with the same key and body gets the first answer again
 * (same status and body, `Idempotent-Replayed: true`); the same key with another body is a 409.
 * The route must be authenticated: keys are kept per caller.
 */
export function Idempotent(options: IdempotentOptions = {}) {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, options),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: options.required === true && !options.bodyField,
      description: `Repeat a request safely: same key and body return the first answer.${options.bodyField ? ` Defaults to the body's \`${options.bodyField}\`.` : ''}`,
    }),
    ApiProblemResponses(409),
  );
}
