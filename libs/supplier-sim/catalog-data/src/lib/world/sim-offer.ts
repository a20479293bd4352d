import type { CategoryFamily } from '../taxonomy/taxonomy-types';
import type { SpecEntry } from './product';
import type { SourceId, SourceKind } from './sources';

/** The ways a record can be broken on purpose (a small, seeded fraction of every source). */
export type DefectKind = 'missing-title' | 'negative-price' | 'zero-price' | 'bad-barcode' | 'missing-brand' | 'market-below-supply';

/**
 * One SKU as one source offers it, protocol-neutral: the sandboxes render it as a JD detail, a Taobao
 * item or a feed row. Money in integer fen.
 */
export interface SimOffer {
  sourceId: SourceId;
  sourceKind: SourceKind;
  /** Position in the source's listing order. */
  index: number;
  /** The source's own id: JD sku, Taobao num_iid, the brand's SKU code. */
  externalId: string;
  productIndex: number;
  family: CategoryFamily;
  familyName: string;
  categoryPath: readonly string[];
  /** Null when malformed (missing-title). */
  title: string | null;
  /** Null when malformed (missing-brand). */
  brand: string | null;
  brandEn: string;
  model: string;
  specs: SpecEntry[];
  /** 规格. */
  spec: string;
  /** EAN-13 for physical goods; a wrong check digit when malformed (bad-barcode). */
  barcode: string | null;
  images: string[];
  /** 供货价: what we pay (JD's agreement price 协议价). */
  supplyPriceFen: number;
  /** 市场参考价. */
  marketPriceFen: number;
  stock: number;
  /** On sale (JD skuState 1, Taobao onsale); false after a delisting. */
  listed: boolean;
  weightKg: number;
  unit: string;
  introduction: string;
  /** When the source first listed it (ms since epoch). */
  listedAt: number;
  /** Last change (ms since epoch): Taobao's modified. */
  modifiedAt: number;
  defect: DefectKind | null;
}
