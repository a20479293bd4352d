import { type CurationAction, curationRefusal, type CurationStatus } from './product-curation';

export interface BulkCurationPlan {
  /** SKUs the filter selects. */
  matched: number;
  /** Those the action can move, by SKU id: what a confirmed run acts on. */
  applicable: string[];
  /** The selected SKUs by their status now. */
  byStatus: Partial<Record<CurationStatus, number>>;
  /** Why the others will be left as they are, one line per status. */
  skipped: { status: CurationStatus; count: number; reason: string }[];
}

/** What a bulk action would do to the SKUs a filter selects: a dry run's answer, and a run's list. */
export function planBulkCuration(selected: readonly { skuId: string; curationStatus: CurationStatus }[], action: CurationAction): BulkCurationPlan {
  const byStatus: Partial<Record<CurationStatus, number>> = {};
  const applicable: string[] = [];
  for (const { skuId, curationStatus } of selected) {
    byStatus[curationStatus] = (byStatus[curationStatus] ?? 0) + 1;
    if (curationRefusal(curationStatus, action) === undefined) applicable.push(skuId);
  }
  const skipped = (Object.entries(byStatus) as [CurationStatus, number][])
    .map(([status, count]) => ({ status, count, reason: curationRefusal(status, action) }))
    .filter((entry): entry is { status: CurationStatus; count: number; reason: string } => entry.reason !== undefined);
  return { matched: selected.length, applicable, byStatus, skipped };
}
