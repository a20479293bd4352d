/**
 * The cursor of a list sorted newest first by a time and then an id (ids break ties): opaque to the
 * caller, read back only when it is one this API could have given (time valid, id of the expected form).
 */
export function timeIdCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function parseTimeIdCursor(cursor: string, idPattern: RegExp): { at: Date; id: string } | undefined {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(time ?? '');
  if (!id || !idPattern.test(id) || Number.isNaN(at.getTime())) return undefined;
  return { at, id };
}
