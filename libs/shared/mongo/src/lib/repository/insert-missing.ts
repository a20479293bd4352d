import type { Collection, Document } from 'mongodb';
import { isDuplicateKeyError } from '../errors/duplicate-key';

/** Documents per insertMany: bounded commands, whatever the caller hands over. */
const INSERT_CHUNK = 500;

/**
 * Inserts the documents whose `_id` is free, in one unordered insertMany; a taken `_id` (a concurrent or
 * repeated write of the same record) is kept as it is. Any other failure is thrown. For records whose
 * `_id` says what they are (an event's delivery, an audit entry), so writing one twice is harmless.
 */
export async function insertMissing<T extends Document>(collection: Collection<T>, documents: readonly T[]): Promise<void> {
  await insertReportingExisting(collection, documents);
}

/**
 * Inserts every document whose `_id` is free and returns the `_id`s that were taken already: unordered
 * insertMany per 500 documents, the duplicate-key failures read from the bulk error. Any other failure is
 * thrown (the documents before it in the chunk may be stored: callers write what a retry can repeat).
 */
export async function insertReportingExisting<T extends Document>(collection: Collection<T>, documents: readonly T[]): Promise<T['_id'][]> {
  const existing: T['_id'][] = [];
  for (let start = 0; start < documents.length; start += INSERT_CHUNK) {
    const chunk = documents.slice(start, start + INSERT_CHUNK);
    try {
      await collection.insertMany(chunk as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      const failures = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as {
        index?: number;
        code?: number;
        err?: { code?: number };
      }[];
      if (failures.length === 0) {
        // A lone duplicate may come as a plain E11000, naming no index.
        if (chunk.length === 1 && isDuplicateKeyError(error)) existing.push(chunk[0]!._id);
        else throw error;
        continue;
      }
      for (const failure of failures) {
        if ((!isDuplicateKeyError(failure) && !isDuplicateKeyError(failure.err)) || failure.index === undefined) throw error;
        existing.push(chunk[failure.index]!._id);
      }
    }
  }
  return existing;
}
