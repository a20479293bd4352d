import type { CategoryFamily } from '@supply-hub/contracts';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { SelectionPoolCopyStore } from '@supply-hub/orders-domain';
import type { SelectionPoolTerms } from '@supply-hub/selection-pools';
import type { Collection, Db } from 'mongodb';

export const SELECTION_POOLS_COLLECTION = 'selection_pools';

/** One mall's pool terms as order-router keeps them; `_id` is the mall id. */
export interface SelectionPoolCopyDocument {
  _id: string;
  version: number;
  families?: CategoryFamily[];
  subcategories?: string[];
  brands?: string[];
  // Objects, not [min, max] pairs: FerretDB 1.x does not store nested arrays.
  priceRangesFen?: { minFen: number; maxFen: number | null }[];
  includes: string[];
  excludes: string[];
  updatedAt: Date;
}

/**
 * The malls' selection pools order-router has heard of: a small collection (one document per mall),
 * read whole when an instance starts. A write replaces the document only with a newer version, so
 * redelivered or reordered events change nothing.
 */
export class MongoSelectionPoolCopyStore implements SelectionPoolCopyStore {
  readonly copies: Collection<SelectionPoolCopyDocument>;

  constructor(db: Db) {
    this.copies = db.collection<SelectionPoolCopyDocument>(SELECTION_POOLS_COLLECTION);
  }

  async record(terms: SelectionPoolTerms): Promise<void> {
    try {
      await this.copies.replaceOne({ _id: terms.mallId, version: { $lt: terms.version } }, documentOf(terms), { upsert: true });
    } catch (error) {
      // The mall's document holds this version or a newer one: the upsert's insert lost on `_id`, as it should.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async all(): Promise<SelectionPoolTerms[]> {
    return (await this.copies.find({}).toArray()).map(termsOf);
  }
}

function documentOf(terms: SelectionPoolTerms): Omit<SelectionPoolCopyDocument, '_id'> {
  return {
    version: terms.version,
    ...(terms.families ? { families: [...terms.families] } : {}),
    ...(terms.subcategories ? { subcategories: [...terms.subcategories] } : {}),
    ...(terms.brands ? { brands: [...terms.brands] } : {}),
    ...(terms.priceRangesFen ? { priceRangesFen: terms.priceRangesFen.map(([minFen, maxFen]) => ({ minFen, maxFen })) } : {}),
    includes: [...terms.includes],
    excludes: [...terms.excludes],
    updatedAt: new Date(),
  };
}

function termsOf(document: SelectionPoolCopyDocument): SelectionPoolTerms {
  return {
    mallId: document._id,
    version: document.version,
    ...(document.families ? { families: document.families } : {}),
    ...(document.subcategories ? { subcategories: document.subcategories } : {}),
    ...(document.brands ? { brands: document.brands } : {}),
    ...(document.priceRangesFen ? { priceRangesFen: document.priceRangesFen.map(({ minFen, maxFen }) => [minFen, maxFen] as const) } : {}),
    includes: document.includes,
    excludes: document.excludes,
  };
}
