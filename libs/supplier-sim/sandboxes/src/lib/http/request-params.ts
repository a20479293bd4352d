import type { IncomingMessage } from 'node:http';

const MAX_FORM_BYTES = 1024 * 1024;

/** The request as the sandboxes read it: method, URL, headers and (for form posts) the raw body. */
export interface SandboxRequest extends IncomingMessage {
  body?: unknown;
}

export class FormTooLargeError extends Error {}

/**
 * Query parameters merged with a form body (application/x-www-form-urlencoded), or with a JSON body
 * the platform already parsed. The suppliers post forms, which the platform's JSON-only body parser
 * leaves in the stream, so they are read here. Form values win over query values of the same name.
 */
export async function readRequestParams(request: SandboxRequest): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  const query = (request.url ?? '').split('?')[1];
  if (query) for (const [name, value] of new URLSearchParams(query)) params[name] = value;

  if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
    for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
      if (value !== undefined && value !== null) params[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return params;
  }
  const type = request.headers['content-type'] ?? '';
  if (request.method === 'GET' || !type.startsWith('application/x-www-form-urlencoded') || request.readableEnded) return params;
  for (const [name, value] of new URLSearchParams(await readBody(request))) params[name] = value;
  return params;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError(`form body over ${MAX_FORM_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
