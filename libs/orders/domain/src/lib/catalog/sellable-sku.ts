import type { CategoryFamily } from '@supply-hub/contracts';

/**
 * order-router's local copy of one catalog SKU (the "is this SKU sellable?" read model), built from the
 * catalog's SKU events so that order intake never calls catalog-sync.
 */
export interface SellableSku {
  skuId: string;
  /** The catalog version this copy reflects; older events never overwrite newer state. */
  version: number;
  sellable: boolean;
  /** Absent when the first event seen for the SKU was its delisting. */
  title?: string;
  brand?: string;
  categoryFamily?: CategoryFamily;
  subcategory?: string;
  /** What the mall pays for one unit. */
  contractPriceFen?: number;
  supplyPriceFen?: number;
  marketPriceFen?: number;
  stock?: number;
  /** The supplier offer drop-ship orders go to; null when none can be sold. */
  bestOffer?: { sourceId: string; externalId: string } | null;
  barcode?: string;
  imageUrl?: string;
  delistedReason?: string | null;
  updatedAt: Date;
}

export type SellableSkuChange = Omit<SellableSku, 'skuId' | 'version' | 'updatedAt'>;

/** Port to the read model's storage (implemented in @supply-hub/orders-data-access). */
export interface SellableSkuStore {
  /**
   * Applies `change` as version `version` of the SKU if the stored copy is older (or missing).
   * Returns false, changing nothing, when the stored version is the same or newer: a redelivered or
   * out-of-order event.
   */
  applyIfNewer(skuId: string, version: number, change: SellableSkuChange, at: Date): Promise<boolean>;
  get(skuId: string): Promise<SellableSku | null>;
}

export const SELLABLE_SKU_STORE = Symbol('SellableSkuStore');
