import { ValidationError } from '@supply-hub/errors';
import type { z } from 'zod';

/**
 * Cursors are JSON, readable in a sync job's checkpoint when someone debugs a stuck sync, and validated
 * on the way back in: a cursor from another source kind or an older format is refused with a clear
 * error rather than resumed from the wrong place.
 */
export function encodeCursor<T>(cursor: T): string {
  return JSON.stringify(cursor);
}

export function decodeCursor<S extends z.ZodType>(text: string, schema: S, sourceId: string): z.output<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError(`${sourceId}: cursor is not JSON: ${text.slice(0, 80)}`, [{ path: 'cursor', message: 'not JSON' }]);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new ValidationError(
      `${sourceId}: cursor does not belong to this source: ${text.slice(0, 80)}`,
      result.error.issues.map((issue) => ({ path: ['cursor', ...issue.path].join('.'), message: issue.message })),
    );
  }
  return result.data;
}
