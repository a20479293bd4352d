import { UnauthenticatedError } from '@supply-hub/errors';
import type { IncomingHttpHeaders } from 'node:http';

export const API_KEY_HEADER = 'X-Api-Key';

export type Credentials = { type: 'api-key'; key: string } | { type: 'bearer'; token: string } | { type: 'none' };

/** Reads the one credential a request carries; two at once is ambiguous and refused. */
export function credentialsOf(headers: IncomingHttpHeaders): Credentials {
  const apiKey = single(headers[API_KEY_HEADER.toLowerCase()]);
  const authorization = single(headers.authorization);
  if (apiKey !== undefined && authorization !== undefined) {
    throw new UnauthenticatedError('send either X-Api-Key or Authorization, not both');
  }
  if (apiKey !== undefined) return { type: 'api-key', key: apiKey.trim() };
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    return { type: 'bearer', token: match[1] as string };
  }
  return { type: 'none' };
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) throw new UnauthenticatedError('a credential header appears more than once');
  return value === undefined || value === '' ? undefined : value;
}
