import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';

/** Ids per `$in` and documents per insert: bounded commands, whatever the page size. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Inserts every document whose `_id` is free and returns the ids that were taken: one unordered
 * insertMany, duplicate-key failures read from the bulk error (any other failure is thrown).
 */
export async function insertReportingExisting<T extends Document & { _id: string }>(collection: Collection<T>, documents: T[]): Promise<string[]> {
  const existing: string[] = [];
  for (const batch of chunks(documents)) {
    try {
      await collection.insertMany(batch as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      const failures = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (failures.length === 0) throw error;
      for (const failure of failures as { index: number; code?: number; err?: { code?: number } }[]) {
        if (!isDuplicateKeyError(failure) && !isDuplicateKeyError(failure.err)) throw error;
        existing.push(batch[failure.index]!._id);
      }
    }
  }
  return existing;
}

/** Documents by `_id`, in chunks. */
export async function findByIds<T extends Document & { _id: string }>(collection: Collection<T>, ids: readonly string[]): Promise<T[]> {
  const found: T[] = [];
  for (const batch of chunks([...new Set(ids)])) found.push(...((await collection.find({ _id: { $in: batch } } as never).toArray()) as T[]));
  return found;
}

export async function replaceAllById<T extends Document & { _id: string }>(collection: Collection<T>, documents: T[]): Promise<void> {
  for (const batch of chunks(documents)) {
    const operations = batch.map((document) => ({
      replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true },
    })) as unknown as AnyBulkWriteOperation<T>[];
    await collection.bulkWrite(operations, { ordered: false });
  }
}
