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
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || request.readableEnded) return fields;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_CALLBACK_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) fields[name] = value;
  return fields;
}
