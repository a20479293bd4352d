import type { BlacklistEntryState, BlacklistEntryTerms, BlacklistSubject } from '@supply-hub/blacklist';
import type { BlacklistChangedData } from '@supply-hub/contracts';
import type { SellableSku } from './sellable-sku';

/** What a blacklist entry is matched against in order-router: the read model's copy of the SKU. */
export function blacklistSubjectOf(sku: SellableSku): BlacklistSubject {
  return {
    skuId: sku.skuId,
    ...(sku.brand ? { brand: sku.brand } : {}),
    ...(sku.categoryFamily ? { categoryFamily: sku.categoryFamily } : {}),
    ...(sku.subcategory ? { subcategory: sku.subcategory } : {}),
    ...(sku.title ? { title: sku.title } : {}),
    // Drop-ship orders go to the best offer's supplier: the one a supplier entry must stop.
    supplierSourceIds: sku.bestOffer ? [sku.bestOffer.sourceId] : [],
  };
}

/** order-router's copy of one catalog blacklist entry, from its BlacklistChanged events. */
export interface BlacklistEntryCopy {
  terms: BlacklistEntryTerms;
  state: BlacklistEntryState;
}

/** Port to the copies' storage (implemented in @supply-hub/orders-data-access). */
export interface BlacklistCopyStore {
  /** Applies a change; idempotent, and an entry once ended stays ended whatever arrives later. */
  record(change: BlacklistChangedData): Promise<void>;
  /** Every copy still marked active (a small collection: read whole at start-up). */
  activeCopies(): Promise<BlacklistEntryCopy[]>;
  get(entryId: string): Promise<BlacklistEntryCopy | null>;
}
