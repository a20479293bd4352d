import { issueStaffToken, type StaffRole } from '@supply-hub/auth';
import { type Command, Option } from 'commander';
import { loadConfigOrExit, SERVICES } from '@supply-hub/config';
import { DependencyUnavailableError, ValidationError } from '@supply-hub/errors';
import { tokenEnvSchema } from '../cli-env';

/** A call to a service's staff API: JSON in and out, or `body` sent as is when `contentType` is given. */
export type Api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, options?: { contentType?: string }) => Promise<unknown>;

/** `--url` of catalog-sync, for the commands that work through its staff API. */
export const catalogSyncUrlOption = () => new Option('--url <url>', 'catalog-sync base URL').default(`http://127.0.0.1:${SERVICES['catalog-sync'].port}`);

/** What a staff command acting on catalog-sync is told: where it is, and who the audit log names. */
export interface StaffOptions {
  url: string;
  as: string;
}

/** Adds --url and --as to a staff command acting on catalog-sync. */
export function staffOptions(command: Command): Command {
  return command.addOption(catalogSyncUrlOption()).option('--as <staff>', 'the staff member the audit log names', 'cli');
}

/**
 * A client for a service's staff API with a token the CLI issues itself (STAFF_TOKEN_SECRET): an answer
 * other than 2xx becomes a ValidationError carrying the problem's detail and field errors, which
 * main() prints one per line.
 */
export async function staffApi(baseUrl: string, token: { sub: string; roles: StaffRole[]; command: string }): Promise<Api> {
  const { STAFF_TOKEN_SECRET } = loadConfigOrExit(tokenEnvSchema, token.command);
  return apiClient(baseUrl, await issueStaffToken({ sub: token.sub, roles: token.roles, ttlSeconds: 3600 }, STAFF_TOKEN_SECRET));
}

export function apiClient(baseUrl: string, token: string): Api {
  return async (method, path, body, options = {}) => {
    const contentType = body === undefined ? undefined : (options.contentType ?? 'application/json');
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
        body: body === undefined ? undefined : options.contentType ? (body as string) : JSON.stringify(body),
      });
    } catch (error) {
      throw new DependencyUnavailableError(`${baseUrl} does not answer (${(error as Error).cause ?? (error as Error).message}); is the service running?`);
    }
    const answer = (await response.json().catch(() => ({}))) as { detail?: string; title?: string; errors?: { path: string; message: string }[] };
    if (!response.ok) throw new ValidationError(`${method} ${path}: ${response.status} ${answer.detail ?? answer.title ?? ''}`.trim(), answer.errors ?? []);
    return answer;
  };
}
