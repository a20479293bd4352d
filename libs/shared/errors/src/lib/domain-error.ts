/**
 * What went wrong, in terms every transport understands. HTTP maps a kind to a status, the Kafka handler
 * wrapper maps it to retry / dead-letter; neither needs to know the concrete error class.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'internal';

/** One problem with one field of the input; `path` uses dots for nesting ("lines.0.quantity"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  /** Stable, kebab-case; becomes the problem+json `type` and a metric label, so never rename one. */
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation-failed';
  readonly kind = 'invalid';

  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message, { issues });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  readonly kind = 'unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly kind = 'forbidden';
}

/** Also what another tenant's record looks like: its existence is not revealed. */
export class NotFoundError extends DomainError {
  readonly code = 'not-found';
  readonly kind = 'not-found';

  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  readonly code: string = 'conflict';
  readonly kind = 'conflict';
}

/** Same idempotency key, different request body. */
export class IdempotencyKeyReusedError extends ConflictError {
  override readonly code = 'idempotency-key-reused';

  constructor(key: string) {
    super(`idempotency key ${key} was already used with a different request`, { key });
  }
}

/** A dependency (database, broker, supplier) did not answer; trying again later may succeed. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'dependency-unavailable';
  readonly kind = 'unavailable';
}
