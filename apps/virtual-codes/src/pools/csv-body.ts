import type { IncomingMessage } from 'node:http';
import { readCsvBody as readCsv } from '@supply-hub/http';

/** 100,000 codes with passwords and dates fit in a few megabytes. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** A batch of codes as text/csv. */
export function readCsvBody(request: IncomingMessage): Promise<string> {
  return readCsv(request, { maxBytes: MAX_CSV_BYTES, what: 'the batch' });
}
