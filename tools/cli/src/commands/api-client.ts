import { DependencyUnavailableError, ValidationError } from '@supply-hub/errors';

/** A service's staff API: the answer's JSON, or a ValidationError carrying the problem's detail and field errors. */
export type Api = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<unknown>;

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
      throw new DependencyUnavailableError(
        `catalog-sync at ${baseUrl} does not answer (${(error as Error).cause ?? (error as Error).message}); is it running?`,
      );
    }
    const answer = (await response.json().catch(() => ({}))) as { detail?: string; title?: string; errors?: { path: string; message: string }[] };
    if (!response.ok) throw new ValidationError(`${method} ${path}: ${response.status} ${answer.detail ?? answer.title ?? ''}`.trim(), answer.errors ?? []);
    return answer;
  };
}
