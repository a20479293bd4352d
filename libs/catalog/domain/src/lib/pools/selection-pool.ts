import type { CategoryFamily } from '@supply-hub/contracts';
import { type PoolAdmission, type PoolSku, poolAdmission, type PriceRangeFen, priceRangesOf, type SelectionPoolTerms } from '@supply-hub/selection-pools';
import { bandPriceRangeFen, type PointsBand, type PointsBandPolicy } from '../points/points-band';
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
export type PoolCandidate = PoolSku;

export type PoolMembership = PoolAdmission;

/**
 * The pool as both services evaluate it (the SelectionPoolChanged event carries these): the points bands
 * become contract-price ranges under this policy, intersected with the pool's own price bounds.
 */
export function poolTermsOf(pool: SelectionPool, bandPolicy: PointsBandPolicy): SelectionPoolTerms {
  return { mallId: pool.mallId, version: pool.version, ...membershipTermsOf(pool, bandPolicy) };
}

function membershipTermsOf(pool: SelectionPoolDefinition, bandPolicy: PointsBandPolicy): Omit<SelectionPoolTerms, 'mallId' | 'version'> {
  const { filters } = pool;
  const bandRanges = filters.bands?.length
    ? filters.bands.map((band): PriceRangeFen => {
        const range = bandPriceRangeFen(band, bandPolicy);
        return [range.minFen, range.maxFen ?? null];
      })
    : undefined;
  const priceRangesFen = priceRangesOf({ minFen: filters.minPriceFen, maxFen: filters.maxPriceFen }, bandRanges);
  return {
    ...(filters.families?.length ? { families: filters.families } : {}),
    ...(filters.subcategories?.length ? { subcategories: filters.subcategories } : {}),
    ...(filters.brands?.length ? { brands: filters.brands } : {}),
    ...(priceRangesFen ? { priceRangesFen } : {}),
    includes: pool.includes,
    excludes: pool.excludes,
  };
}

/** The membership test of a pool, built once per pool version (the shared rule order-router applies too). */
export function poolMembership(pool: SelectionPoolDefinition, bandPolicy: PointsBandPolicy): PoolMembership {
  // A definition not saved yet (a dry run) has no mall or version: neither takes part in membership.
  return poolAdmission({ mallId: '', version: 0, ...membershipTermsOf(pool, bandPolicy) });
}
