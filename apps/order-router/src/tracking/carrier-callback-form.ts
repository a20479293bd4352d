import { readBodyText } from '@supply-hub/http';
import type { IncomingMessage } from 'node:http';

/** A push holds the parcel's whole history: a few kilobytes; far more is not a carrier's push. */
export const MAX_CALLBACK_FORM_BYTES = 256 * 1024;

/**
 * The fields of a push's form body (application/x-www-form-urlencoded, UTF-8), read from the request
 * stream: the platform parses JSON bodies only. `param` is kept as sent, since `sign` covers its exact
 * text. Undefined when the body is larger than MAX_CALLBACK_FORM_BYTES.
 */
export async function readCallbackForm(request: IncomingMessage & { body?: unknown }): Promise<Record<string, string> | undefined> {
  const fields: Record<string, string> = {};
  // A JSON body was already parsed by the platform; its string fields are taken as they are.
  if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
    for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) if (typeof value === 'string') fields[name] = value;
    return fields;
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return fields;
  const text = await readBodyText(request, MAX_CALLBACK_FORM_BYTES);
  if (text === undefined) return undefined;
  for (const [name, value] of new URLSearchParams(text)) fields[name] = value;
  return fields;
}
