import { CATEGORY_FAMILIES, type CategoryFamily } from '@supply-hub/contracts';

export interface NewArrival {
  skuId: string;
  categoryFamily: CategoryFamily;
  listedAt: Date;
}

export interface NewArrivalsGroup<T extends NewArrival> {
  family: CategoryFamily;
  /** Every arrival of the family in the period, however many are listed. */
  count: number;
  /** Newest first, at most the cap. */
  items: T[];
  truncated: boolean;
}

/**
 * The SKUs first listed in [from, to), grouped by category family (every family, empty ones too, so a
 * week without coupons shows as such), newest first, each group capped at `cap` items.
 */
export function newArrivalsOf<T extends NewArrival>(skus: Iterable<T>, period: { from: Date; to: Date }, cap: number): NewArrivalsGroup<T>[] {
  const byFamily = new Map<CategoryFamily, T[]>(CATEGORY_FAMILIES.map((family) => [family, []]));
  for (const sku of skus) {
    if (sku.listedAt >= period.from && sku.listedAt < period.to) byFamily.get(sku.categoryFamily)!.push(sku);
  }
  return [...byFamily].map(([family, arrivals]) => {
    arrivals.sort((a, b) => b.listedAt.getTime() - a.listedAt.getTime() || (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
    return { family, count: arrivals.length, items: arrivals.slice(0, cap), truncated: arrivals.length > cap };
  });
}
