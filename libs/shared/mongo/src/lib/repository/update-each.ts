import type { AnyBulkWriteOperation, Collection, Document, Filter, UpdateFilter } from 'mongodb';

/** A write to one document, named by `_id`, that only applies while its filter holds. */
export interface ConditionalUpdate<T> {
  filter: Filter<T> & { _id: string };
  update: UpdateFilter<T>;
}

/**
 * The batched form of one-document compare-and-set writes: every update in one unordered bulk, and which
 * of them stand. When every filter matched, all do; otherwise the documents are read back once and
 * `stands(document, index)` says for each (its filter missed because the change was in place already, or
 * because another writer or a shortfall got there first). `projection`: the fields `stands` needs.
 */
export async function updateEachReadingBack<T extends Document & { _id: string }>(
  collection: Collection<T>,
  updates: readonly ConditionalUpdate<T>[],
  stands: (document: T | undefined, index: number) => boolean,
  projection?: Document,
): Promise<boolean[]> {
  if (updates.length === 0) return [];
  const operations = updates.map(({ filter, update }) => ({ updateOne: { filter, update } })) as AnyBulkWriteOperation<T>[];
  const result = await collection.bulkWrite(operations, { ordered: false });
  if (result.matchedCount === updates.length) return updates.map(() => true);
  const ids = [...new Set(updates.map((update) => update.filter._id))];
  const documents = (await collection.find({ _id: { $in: ids } } as Filter<T>, projection ? { projection } : {}).toArray()) as T[];
  const byId = new Map(documents.map((document) => [document._id, document]));
  return updates.map((update, index) => stands(byId.get(update.filter._id), index));
}
