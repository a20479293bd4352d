import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// Accept what a gateway or a mall sends as long as it is a sane token; anything else could inject
// into log lines or headers, so it is replaced rather than echoed.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export function resolveRequestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}
