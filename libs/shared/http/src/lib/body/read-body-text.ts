import type { IncomingMessage } from 'node:http';

/**
 * A request body the platform does not parse (forms, CSV, a callback's exact bytes) read as UTF-8 text,
 * or undefined once it grows past `maxBytes` (the caller answers 413 or a refusal). An already consumed
 * stream reads as empty.
 */
export async function readBodyText(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  if (request.readableEnded) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
