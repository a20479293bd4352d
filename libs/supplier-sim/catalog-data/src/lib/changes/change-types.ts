/**
 * How many changes of each kind a round makes: a number ≥ 1 is a count, a number in (0, 1) a fraction of
 * the current SKUs (0.01 = one percent).
 */
export interface ChangeCounts {
  priceMoves?: number;
  stockOuts?: number;
  delistings?: number;
  newSkus?: number;
  /** Title or spec edits (JD message type 16, Taobao ItemUpdate). */
  detailChanges?: number;
}

export type ChangeKind = 'price' | 'stock-out' | 'delisting' | 'new-sku' | 'detail';

export const CHANGE_KINDS: readonly ChangeKind[] = ['new-sku', 'price', 'stock-out', 'delisting', 'detail'];

export interface SkuChange {
  kind: ChangeKind;
  sourceId: string;
  index: number;
  externalId: string;
  /** When it happened (ms since epoch); Taobao's modified and JD's message time. */
  at: number;
}

export interface ChangeRound {
  /** 1 for the first round after a start or reset. */
  round: number;
  at: number;
  changes: SkuChange[];
  counts: Record<ChangeKind, number>;
}

/** What a change round overwrote on one SKU; the rest still comes from the seed. */
export interface OfferOverride {
  supplyPriceFen?: number;
  marketPriceFen?: number;
  stock?: number;
  listed?: boolean;
  titleSuffix?: string;
  modifiedAt: number;
}
