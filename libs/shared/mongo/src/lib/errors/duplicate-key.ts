/** MongoDB's (and FerretDB's) E11000: a unique index refused the write. */
const DUPLICATE_KEY = 11000;

/** Whether a driver or Mongoose error is a unique-index violation, the lock our conditional writes rely on. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
