import type { IncomingMessage } from 'node:http';
import { ValidationError } from '@supply-hub/errors';
import { readBodyText } from './read-body-text';

/**
 * A text/csv request body as UTF-8 text (the platform parses JSON bodies only); a 400 for another
 * content type or a body past `maxBytes`. `what` names the upload in those messages ("the batch").
 */
export async function readCsvBody(request: IncomingMessage, options: { maxBytes: number; what: string }): Promise<string> {
  const type = request.headers['content-type'] ?? '';
  if (!/^text\/csv\b/.test(type)) throw new ValidationError(`${options.what} must be sent as text/csv`, [{ path: 'content-type', message: `expected text/csv, got ${type || 'none'}` }]);
  const text = await readBodyText(request, options.maxBytes);
  if (text === undefined) throw new ValidationError(`${options.what} is larger than ${options.maxBytes / 1024 / 1024} MB: split it`, [{ path: 'body', message: 'too large' }]);
  return text;
}
