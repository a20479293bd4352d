import type { Collection, Document } from 'mongodb';
import { isDuplicateKeyError } from '../errors/duplicate-key';

/**
 * Inserts the documents whose `_id` is free, in one unordered insertMany; a taken `_id` (a concurrent or
 * repeated write of the same record) is kept as it is. Any other failure is thrown. For records whose
 * `_id` says what they are (an event's delivery, an audit entry), so writing one twice is harmless.
 */
export async function insertMissing<T extends Document>(collection: Collection<T>, documents: readonly T[]): Promise<void> {
  if (documents.length === 0) return;
  try {
    await collection.insertMany(documents as never[], { ordered: false });
  } catch (error) {
    // MongoBulkWriteError lists each refused document; a lone duplicate may come as a plain E11000.
    const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
    const refused = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [error];
    if (!refused.every(isDuplicateKeyError)) throw error;
  }
}
