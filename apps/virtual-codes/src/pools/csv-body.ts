import type { IncomingMessage } from 'node:http';
import { ValidationError } from '@supply-hub/errors';
import { readBodyText } from '@supply-hub/http';

/** 100,000 codes with passwords and dates fit in a few megabytes. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** A text/csv request body as UTF-8 text (the platform parses JSON bodies only). */
export async function readCsvBody(request: IncomingMessage): Promise<string> {
  const type = request.headers['content-type'] ?? '';
  if (!/^text\/csv\b/.test(type)) throw new ValidationError('the batch must be sent as text/csv', [{ path: 'content-type', message: `expected text/csv, got ${type || 'none'}` }]);
  const text = await readBodyText(request, MAX_CSV_BYTES);
  if (text === undefined) throw new ValidationError(`the batch is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: split it`, [{ path: 'body', message: 'too large' }]);
  return text;
}
