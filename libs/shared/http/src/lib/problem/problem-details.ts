import { type DomainError, ValidationError, httpStatusOf, type FieldIssue } from '@supply-hub/errors';

/** RFC 9457 problem details, plus `errors` for field-level validation details and `code` for clients. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The DomainError code behind `type`, so a client can switch on it without parsing a URI. */
  code: string;
  errors?: FieldIssue[];
  /** The X-Request-Id of the failed request, to find its log lines. */
  requestId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Documentation URIs: stable identifiers first; they need not resolve to a page yet. */
export const PROBLEM_TYPE_BASE = 'https://supply-hub.dev/problems';

export function problemTypeUri(code: string): string {
  return `${PROBLEM_TYPE_BASE}/${code}`;
}

/** Codes for HTTP-level failures that are not DomainErrors (routing, body parsing, limits). */
const HTTP_STATUS_CODES: Record<number, { code: string; title: string }> = {
  400: { code: 'bad-request', title: 'Bad request' },
  401: { code: 'unauthenticated', title: 'Authentication required' },
  403: { code: 'forbidden', title: 'Forbidden' },
  404: { code: 'not-found', title: 'Not found' },
  405: { code: 'method-not-allowed', title: 'Method not allowed' },
  406: { code: 'not-acceptable', title: 'Not acceptable' },
  409: { code: 'conflict', title: 'Conflict' },
  413: { code: 'payload-too-large', title: 'Request body too large' },
  415: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { code: 'unprocessable', title: 'Unprocessable request' },
  429: { code: 'too-many-requests', title: 'Too many requests' },
  503: { code: 'dependency-unavailable', title: 'Service unavailable' },
};

/** Titles for DomainError codes; a code missing here gets a title derived from the code itself. */
const DOMAIN_TITLES: Record<string, string> = {
  'validation-failed': 'Request validation failed',
  'idempotency-key-reused': 'Idempotency key reused with a different request',
  'idempotency-request-in-progress': 'A request with this idempotency key is in progress',
  'dependency-unavailable': 'A dependency is unavailable',
};

const INTERNAL = { code: 'internal-error', title: 'Internal server error' };

export function problemFromDomainError(error: DomainError, instance?: string): ProblemDetails {
  const status = httpStatusOf(error);
  const problem: ProblemDetails = {
    type: problemTypeUri(error.code),
    title: DOMAIN_TITLES[error.code] ?? HTTP_STATUS_CODES[status]?.title ?? titleFromCode(error.code),
    status,
    // A 5xx message may describe our internals (a driver error, a host name): clients get a generic line.
    detail: status >= 500 ? genericDetail(status) : error.message,
    instance,
    code: error.code,
  };
  if (error instanceof ValidationError && error.issues.length > 0) problem.errors = error.issues;
  return problem;
}

/**
 * For HTTP-level failures raised by the framework (no route, body too large, unparsable JSON). The
 * message is the framework's own text about the request, which is safe to show for 4xx statuses.
 */
export function problemFromHttpStatus(status: number, message: string | undefined, instance?: string): ProblemDetails {
  if (status >= 500) return problemForUnexpectedError(instance, status);
  const known = HTTP_STATUS_CODES[status] ?? { code: `http-${status}`, title: 'Request failed' };
  return { type: problemTypeUri(known.code), title: known.title, status, detail: message, instance, code: known.code };
}

/** A body that is not JSON gets its own type, so clients can tell it from a schema violation. */
export function problemForMalformedBody(parserMessage: string, instance?: string): ProblemDetails {
  return {
    type: problemTypeUri('malformed-body'),
    title: 'Malformed request body',
    status: 400,
    detail: `The request body is not valid JSON: ${parserMessage}`,
    instance,
    code: 'malformed-body',
  };
}

/** Anything we did not anticipate: the client learns only that it was our fault. */
export function problemForUnexpectedError(instance?: string, status = 500): ProblemDetails {
  const known = status === 500 ? INTERNAL : (HTTP_STATUS_CODES[status] ?? INTERNAL);
  return { type: problemTypeUri(known.code), title: known.title, status, detail: genericDetail(status), instance, code: known.code };
}

function genericDetail(status: number): string {
  return status === 503 ? 'A dependency is unavailable; try again later.' : 'An unexpected error occurred; it has been logged.';
}

function titleFromCode(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
