import type { CategoryFamily } from '@supply-hub/contracts';
import { type PointsBand, pointsBandOf, type PointsBandPolicy } from '../points/points-band';
import type { IndustryTemplateId } from './industry-templates';

/**
 * Which SKUs a pool takes from the catalog. Every dimension given must match (a list: any of its values);
 * a dimension left out does not narrow. Brands and subcategories match exactly, as the catalog filters do.
 */
export interface PoolFilters {
  families?: CategoryFamily[];
  subcategories?: string[];
  brands?: string[];
  /** Contract price bounds, in fen, inclusive. */
  minPriceFen?: number;
  maxPriceFen?: number;
  bands?: PointsBand[];
}

/** What staff set for a mall's selection pool (选品池). */
export interface SelectionPoolDefinition {
  /** The industry template the pool started from (its filters are the default ones). */
  template: IndustryTemplateId;
  filters: PoolFilters;
  /** SKU ids in the pool whatever the filters say (while they are sellable). */
  includes: string[];
  /** SKU ids never in the pool: they win over filters and includes. */
  excludes: string[];
}

/** A mall's pool as stored: one per mall, the mall being the tenant of its API key. */
export interface SelectionPool extends SelectionPoolDefinition {
  mallId: string;
  updatedBy: string;
  updatedAt: Date;
  /** 1 for the first write, one more for each later one. */
  version: number;
}

/** What membership looks at of a SKU: its current catalog values, so the pool follows the catalog. */
export interface PoolCandidate {
  skuId: string;
  categoryFamily: CategoryFamily;
  subcategory?: string;
  brand?: string;
  contractPriceFen: number;
}

export type PoolMembership = (sku: PoolCandidate) => boolean;

/**
 * The membership test of a pool, built once per pool version: the catalog runs it against every SKU a
 * mall's query scans, so the lists become sets here rather than per call.
 */
export function poolMembership(pool: SelectionPoolDefinition, bandPolicy: PointsBandPolicy): PoolMembership {
  const { filters } = pool;
  const includes = new Set(pool.includes);
  const excludes = new Set(pool.excludes);
  const families = setOf(filters.families);
  const subcategories = setOf(filters.subcategories);
  const brands = setOf(filters.brands);
  const bands = setOf(filters.bands);
  return (sku) => {
    if (excludes.has(sku.skuId)) return false;
    if (includes.has(sku.skuId)) return true;
    return (
      (!families || families.has(sku.categoryFamily)) &&
      (!subcategories || (sku.subcategory !== undefined && subcategories.has(sku.subcategory))) &&
      (!brands || (sku.brand !== undefined && brands.has(sku.brand))) &&
      (filters.minPriceFen === undefined || sku.contractPriceFen >= filters.minPriceFen) &&
      (filters.maxPriceFen === undefined || sku.contractPriceFen <= filters.maxPriceFen) &&
      (!bands || bands.has(pointsBandOf(sku.contractPriceFen, bandPolicy)))
    );
  };
}

/** An empty list narrows to nothing by accident more often than by intent: it is treated as not given. */
function setOf<T>(values: readonly T[] | undefined): Set<T> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}
