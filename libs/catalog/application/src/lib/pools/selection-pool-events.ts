import { type PointsBandPolicy, poolTermsOf, type SelectionPool } from '@supply-hub/catalog-domain';
import { createEvent, type SerializedEvent, SelectionPoolChanged, serializeEvent } from '@supply-hub/contracts';
import { CATALOG_EVENT_SOURCE } from '../sync/sku-events';

/** The SelectionPoolChanged event of a saved pool version: its terms as order-router applies them. */
export function serializeSelectionPoolChange(pool: SelectionPool, bandPolicy: PointsBandPolicy): SerializedEvent {
  const terms = poolTermsOf(pool, bandPolicy);
  const data = {
    ...terms,
    ...(terms.families ? { families: [...terms.families] } : {}),
    ...(terms.subcategories ? { subcategories: [...terms.subcategories] } : {}),
    ...(terms.brands ? { brands: [...terms.brands] } : {}),
    ...(terms.priceRangesFen ? { priceRangesFen: terms.priceRangesFen.map(([min, max]): [number, number | null] => [min, max]) } : {}),
    includes: [...terms.includes],
    excludes: [...terms.excludes],
    updatedBy: pool.updatedBy,
    at: pool.updatedAt.toISOString(),
  };
  return serializeEvent(SelectionPoolChanged, createEvent(SelectionPoolChanged, data, { source: CATALOG_EVENT_SOURCE, time: data.at, tenantId: pool.mallId }));
}
