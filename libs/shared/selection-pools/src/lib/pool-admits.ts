import type { CategoryFamily } from '@supply-hub/contracts';

/** A contract price range in fen, inclusive; a null max has no upper bound. */
export type PriceRangeFen = readonly [min: number, max: number | null];

/**
 * A mall's selection pool (选品池) as catalog-sync and order-router both evaluate it. Points bands are
 * already contract-price ranges here (catalog-sync resolves them with its points policy), so whoever
 * holds the terms needs no points settings. Every dimension given must match (a list: any of its
 * values); a dimension left out does not narrow.
 */
export interface SelectionPoolTerms {
  mallId: string;
  version: number;
  families?: readonly CategoryFamily[];
  subcategories?: readonly string[];
  brands?: readonly string[];
  /** The price must fall in one of them; an empty list admits no price (only includes are in). */
  priceRangesFen?: readonly PriceRangeFen[];
  includes: readonly string[];
  /** Win over the filters and the includes. */
  excludes: readonly string[];
}

/** What membership looks at of a SKU: its current catalog values, so the pool follows the catalog. */
export interface PoolSku {
  skuId: string;
  categoryFamily: CategoryFamily;
  subcategory?: string;
  brand?: string;
  contractPriceFen: number;
}

export type PoolAdmission = (sku: PoolSku) => boolean;

/**
 * The membership test of a pool, built once per version: the catalog runs it against every SKU a
 * mall's query scans, so the lists become sets here rather than per call.
 */
export function poolAdmission(terms: SelectionPoolTerms): PoolAdmission {
  const includes = new Set(terms.includes);
  const excludes = new Set(terms.excludes);
  const families = setOf(terms.families);
  const subcategories = setOf(terms.subcategories);
  const brands = setOf(terms.brands);
  const ranges = terms.priceRangesFen;
  return (sku) => {
    if (excludes.has(sku.skuId)) return false;
    if (includes.has(sku.skuId)) return true;
    return (
      (!families || families.has(sku.categoryFamily)) &&
      (!subcategories || (sku.subcategory !== undefined && subcategories.has(sku.subcategory))) &&
      (!brands || (sku.brand !== undefined && brands.has(sku.brand))) &&
      (!ranges || ranges.some(([min, max]) => sku.contractPriceFen >= min && (max === null || sku.contractPriceFen <= max)))
    );
  };
}

/** Whether the pool admits the SKU (one call; hold `poolAdmission(terms)` to test many). */
export function poolAdmits(terms: SelectionPoolTerms, sku: PoolSku): boolean {
  return poolAdmission(terms)(sku);
}

/** An empty list narrows to nothing by accident more often than by intent: it is treated as not given. */
function setOf<T>(values: readonly T[] | undefined): Set<T> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}

/**
 * The price ranges of a pool with a price bound and points bands: the bound intersected with each
 * band's range (bands are alternatives). No bound and no bands: undefined (any price).
 */
export function priceRangesOf(bound: { minFen?: number; maxFen?: number }, bandRanges?: readonly PriceRangeFen[]): PriceRangeFen[] | undefined {
  const hasBound = bound.minFen !== undefined || bound.maxFen !== undefined;
  if (!hasBound && !bandRanges?.length) return undefined;
  const boundRange: PriceRangeFen = [bound.minFen ?? 0, bound.maxFen ?? null];
  if (!bandRanges?.length) return [boundRange];
  const ranges: PriceRangeFen[] = [];
  for (const band of bandRanges) {
    const min = Math.max(boundRange[0], band[0]);
    const max = boundRange[1] === null ? band[1] : band[1] === null ? boundRange[1] : Math.min(boundRange[1], band[1]);
    if (max === null || min <= max) ranges.push([min, max]);
  }
  return ranges;
}
