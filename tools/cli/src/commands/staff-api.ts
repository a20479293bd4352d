import { Option } from 'commander';
import { issueStaffToken, type StaffRole } from '@supply-hub/auth';
import { loadConfigOrExit, SERVICES } from '@supply-hub/config';
import { DependencyUnavailableError, ValidationError } from '@supply-hub/errors';
import { tokenEnvSchema } from '../cli-env';

export type Api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<unknown>;

/** `--url` of catalog-sync, for the commands that work through its staff API. */
export const catalogSyncUrlOption = () => new Option('--url <url>', 'catalog-sync base URL').default(`http://127.0.0.1:${SERVICES['catalog-sync'].port}`);

/**
 * A client of a service's staff API, with a one-hour token signed here with STAFF_TOKEN_SECRET: the CLI acts
 * as `cli` (or --as) with the roles the task needs, and the service's audit log names that subject.
 */
export async function staffApi(baseUrl: string, roles: StaffRole[], what: string, sub = 'cli'): Promise<Api> {
  const { STAFF_TOKEN_SECRET } = loadConfigOrExit(tokenEnvSchema, what);
  return apiClient(baseUrl, await issueStaffToken({ sub, roles, ttlSeconds: 3600 }, STAFF_TOKEN_SECRET));
}

/** Answers the parsed JSON body; a problem+json answer becomes an error naming each field it gets wrong. */
export function apiClient(baseUrl: string, token: string): Api {
  return async (method, path, body) => {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new DependencyUnavailableError(`${baseUrl} does not answer (${(error as Error).cause ?? (error as Error).message}); is the service running?`);
    }
    const answer = (await response.json().catch(() => ({}))) as { detail?: string; title?: string; errors?: { path: string; message: string }[] };
    if (!response.ok) throw new ValidationError(`${method} ${path}: ${response.status} ${answer.detail ?? answer.title ?? ''}`.trim(), answer.errors ?? []);
    return answer;
  };
}
