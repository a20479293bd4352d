import { CATEGORY_FAMILIES, type CategoryFamily } from '@supply-hub/contracts';
import { POINTS_BANDS, type PointsBand } from '../points/points-band';
import type { CatalogMixPreset } from './catalog-mix-presets';

/** One family or band of the mix: shares are fractions of the SKUs counted (0.25 = 25 %). */
export interface CatalogMixRow<K extends string> {
  key: K;
  count: number;
  share: number;
  /** null where the preset sets no target for this dimension. */
  targetShare: number | null;
  /** share − targetShare: below zero, the catalog has too few. */
  gap: number | null;
}

export interface CatalogMix {
  total: number;
  families: CatalogMixRow<CategoryFamily>[];
  bands: CatalogMixRow<PointsBand>[];
}

export interface CatalogMixSku {
  categoryFamily: CategoryFamily;
  band: PointsBand;
}

/** The share of each category family and points band among `skus`, against the preset's targets. */
export function catalogMixOf(skus: Iterable<CatalogMixSku>, preset: CatalogMixPreset): CatalogMix {
  const families = new Map<CategoryFamily, number>(CATEGORY_FAMILIES.map((family) => [family, 0]));
  const bands = new Map<PointsBand, number>(POINTS_BANDS.map((band) => [band, 0]));
  let total = 0;
  for (const sku of skus) {
    families.set(sku.categoryFamily, families.get(sku.categoryFamily)! + 1);
    bands.set(sku.band, bands.get(sku.band)! + 1);
    total++;
  }
  return { total, families: rowsOf(families, total, preset.families), bands: rowsOf(bands, total, preset.bands) };
}

function rowsOf<K extends string>(counts: Map<K, number>, total: number, weights: Readonly<Record<K, number>> | undefined): CatalogMixRow<K>[] {
  const weightSum = weights ? Object.values<number>(weights).reduce((sum, weight) => sum + weight, 0) : 0;
  return [...counts].map(([key, count]) => {
    const share = total === 0 ? 0 : count / total;
    const target = weights && weightSum > 0 ? weights[key] / weightSum : null;
    return { key, count, share: rounded(share), targetShare: target === null ? null : rounded(target), gap: target === null ? null : rounded(share - target) };
  });
}

/** Four decimals (a hundredth of a percent): enough for a report, stable in JSON. */
function rounded(fraction: number): number {
  return Math.round(fraction * 10_000) / 10_000;
}
