import type { BlacklistTargetKind } from '@supply-hub/contracts';
import { beijingDayOf } from '../quality/quality-score';
import { type RemovalCause, removalCauseOf, REMOVAL_CAUSES } from './removal-cause';
import { type PeriodBucket, periodBuckets, type ReportPeriod } from './report-periods';

/** The curation actions that take SKUs out of the catalog. */
export const REMOVING_ACTIONS = ['reject', 'suspend', 'delist'] as const;
export type RemovingAction = (typeof REMOVING_ACTIONS)[number];

/** A finished curation action that took SKUs out: the SKUs it applied to, who and why. */
export interface Removal {
  action: RemovingAction;
  skuIds: readonly string[];
  by: string;
  reason: string;
  at: Date;
}

/** A blacklist entry, as the report counts it (by when it was created, whatever happened to it since). */
export interface BlacklistCreation {
  kind: BlacklistTargetKind;
  value: string;
  at: Date;
}

export interface EliminationFigures {
  /** Distinct SKUs taken out in the period. */
  skusRemoved: number;
  /** Distinct SKUs per cause (a SKU taken out twice for two causes counts under both). */
  byCause: Record<RemovalCause, number>;
  byAction: Record<RemovingAction, number>;
  /** Blacklist entries created, by what they target. */
  blacklistEntries: Partial<Record<BlacklistTargetKind, number>>;
  /** Suppliers (source ids) blacklisted in the period. */
  suppliersRemoved: string[];
  /** skusRemoved / the SKUs in the catalog (0 with an empty catalog). */
  rate: number;
}

export interface EliminationReport {
  from: string;
  to: string;
  period: ReportPeriod;
  catalogSkus: number;
  periods: (PeriodBucket & EliminationFigures)[];
  total: EliminationFigures;
}

/**
 * SKUs and suppliers removed per period and why (淘汰率). The rate's denominator is the catalog as it is
 * now (the products stored), the same for every period: the catalog keeps no history of its size.
 */
export function eliminationReport(input: {
  from: string;
  to: string;
  period: ReportPeriod;
  catalogSkus: number;
  removals: readonly Removal[];
  blacklistEntries: readonly BlacklistCreation[];
}): EliminationReport {
  const inRange = (day: string) => day >= input.from && day <= input.to;
  const removals = input.removals.filter((removal) => inRange(beijingDayOf(removal.at)));
  const entries = input.blacklistEntries.filter((entry) => inRange(beijingDayOf(entry.at)));
  const figures = (within: (at: Date) => boolean) =>
    figuresOf(
      removals.filter((removal) => within(removal.at)),
      entries.filter((entry) => within(entry.at)),
      input.catalogSkus,
    );
  return {
    from: input.from,
    to: input.to,
    period: input.period,
    catalogSkus: input.catalogSkus,
    periods: periodBuckets(input.from, input.to, input.period).map((bucket) => ({
      ...bucket,
      ...figures((at) => {
        const day = beijingDayOf(at);
        return day >= bucket.from && day <= bucket.to;
      }),
    })),
    total: figures(() => true),
  };
}

function figuresOf(removals: readonly Removal[], entries: readonly BlacklistCreation[], catalogSkus: number): EliminationFigures {
  const all = new Set<string>();
  const byCause = Object.fromEntries(REMOVAL_CAUSES.map((cause) => [cause, new Set<string>()])) as Record<RemovalCause, Set<string>>;
  const byAction = Object.fromEntries(REMOVING_ACTIONS.map((action) => [action, new Set<string>()])) as Record<RemovingAction, Set<string>>;
  for (const removal of removals) {
    const cause = removalCauseOf(removal);
    for (const skuId of removal.skuIds) {
      all.add(skuId);
      byCause[cause].add(skuId);
      byAction[removal.action].add(skuId);
    }
  }
  const blacklistEntries: Partial<Record<BlacklistTargetKind, number>> = {};
  for (const entry of entries) blacklistEntries[entry.kind] = (blacklistEntries[entry.kind] ?? 0) + 1;
  return {
    skusRemoved: all.size,
    byCause: sizes(byCause),
    byAction: sizes(byAction),
    blacklistEntries,
    suppliersRemoved: [...new Set(entries.filter((entry) => entry.kind === 'supplier').map((entry) => entry.value))].sort(),
    rate: catalogSkus === 0 ? 0 : all.size / catalogSkus,
  };
}

function sizes<K extends string>(sets: Record<K, Set<string>>): Record<K, number> {
  return Object.fromEntries(Object.entries<Set<string>>(sets).map(([key, set]) => [key, set.size])) as Record<K, number>;
}
