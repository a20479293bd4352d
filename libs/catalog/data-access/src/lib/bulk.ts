import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';

/** Ids per `$in` and documents per insert: bounded commands, whatever the page size. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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
