/** MongoDB's (and FerretDB's) E11000: a unique index refused the write. */
const DUPLICATE_KEY = 11000;

// FerretDB 1.24's findAndModify reports a unique-index violation as an internal error carrying SQLite's
// message instead of E11000 (insert and update report E11000 properly).
const FERRETDB_UNIQUE_CONSTRAINT = /UNIQUE constraint failed/;

/** Whether a driver or Mongoose error is a unique-index violation, the lock our conditional writes rely on. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === DUPLICATE_KEY || (typeof message === 'string' && FERRETDB_UNIQUE_CONSTRAINT.test(message));
}
