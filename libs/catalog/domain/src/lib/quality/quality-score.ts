import type { QUALITY_SIGNAL_KINDS } from '@supply-hub/contracts';

export type QualitySignalKind = (typeof QUALITY_SIGNAL_KINDS)[number];

/** Who a quality figure is about: a SKU, a drop-ship supplier (source id) or a warehouse. */
export type QualitySubjectKind = 'sku' | 'supplier' | 'warehouse';

/** One subject's facts of one day (Beijing time). */
export interface QualityDay {
  /** Units routed to the subject (ordered, so counted when they ship). */
  orderedUnits: number;
  /** Units after-sales confirmed a problem with, by kind. */
  signals: Partial<Record<QualitySignalKind, number>>;
  /** Parcels that missed the 48-hour dispatch promise. */
  lateDispatches: number;
  /** Sample inspections (抽检) of the day that passed / failed; absent on a day without any. */
  inspectionsPassed?: number;
  inspectionsFailed?: number;
}

export interface QualityPolicy {
  windowDays: number;
  /** Below this many units in the window a rate says little: no breach, and no score for the best offer. */
  minOrderedUnits: number;
  /** Problem units / ordered units above this is a breach (suspension, once curation acts on it). */
  maxComplaintRate: number;
  /** Points a failed sample inspection in the window takes off the score. */
  failedInspectionPoints: number;
}

/**
 * The example: complaint rate above 3 % over 30 days with at least 20 orders. A failed inspection
 * costs as much as two percent of problem units: it is one sample, but a sample staff chose and checked.
 */
export const DEFAULT_QUALITY_POLICY: QualityPolicy = Object.freeze({ windowDays: 30, minOrderedUnits: 20, maxComplaintRate: 0.03, failedInspectionPoints: 20 });

export interface QualityScore {
  orderedUnits: number;
  problemUnits: number;
  signals: Partial<Record<QualitySignalKind, number>>;
  lateDispatches: number;
  inspectionsPassed: number;
  inspectionsFailed: number;
  /** problemUnits / orderedUnits (0 with no orders). */
  complaintRate: number;
  /**
   * 0–100: 100 less ten points per percent of problem units, less two points per late dispatch per
   * hundred units, less failedInspectionPoints per failed inspection; undefined while the window holds
   * fewer than minOrderedUnits and no inspection (not enough to judge). A pass takes nothing off and adds
   * nothing: passing is what is expected, but it is evidence enough to judge a subject without orders.
   */
  score?: number;
  /** Why the subject breaches the policy, in words; undefined when it does not. */
  breach?: string;
}

/** The subject's score over the days given (the window's days, any order, missing days left out). */
export function qualityScoreOf(days: readonly QualityDay[], policy: QualityPolicy = DEFAULT_QUALITY_POLICY): QualityScore {
  const signals: Partial<Record<QualitySignalKind, number>> = {};
  let orderedUnits = 0;
  let lateDispatches = 0;
  let inspectionsPassed = 0;
  let inspectionsFailed = 0;
  for (const day of days) {
    orderedUnits += day.orderedUnits;
    lateDispatches += day.lateDispatches;
    inspectionsPassed += day.inspectionsPassed ?? 0;
    inspectionsFailed += day.inspectionsFailed ?? 0;
    for (const [kind, units] of Object.entries(day.signals) as [QualitySignalKind, number][]) signals[kind] = (signals[kind] ?? 0) + units;
  }
  const problemUnits = Object.values(signals).reduce((sum, units) => sum + (units ?? 0), 0);
  const complaintRate = orderedUnits === 0 ? 0 : problemUnits / orderedUnits;
  const rateJudged = orderedUnits >= policy.minOrderedUnits;
  const judged = rateJudged || inspectionsPassed + inspectionsFailed > 0;
  const lateShare = orderedUnits === 0 ? 0 : lateDispatches / orderedUnits;
  // Below minOrderedUnits the rates say little, so a subject judged by its inspections alone is scored on them only.
  const ratePoints = rateJudged ? 1000 * complaintRate + 200 * lateShare : 0;
  const score = judged ? Math.max(0, Math.round(100 - ratePoints - policy.failedInspectionPoints * inspectionsFailed)) : undefined;
  const breach =
    rateJudged && complaintRate > policy.maxComplaintRate
      ? `complaint rate ${(complaintRate * 100).toFixed(1)}% over ${policy.windowDays} days (${problemUnits} of ${orderedUnits} units) is above ${(policy.maxComplaintRate * 100).toFixed(1)}%`
      : undefined;
  return { orderedUnits, problemUnits, signals, lateDispatches, inspectionsPassed, inspectionsFailed, complaintRate, ...(score !== undefined ? { score } : {}), ...(breach ? { breach } : {}) };
}

/** The calendar days (Beijing) of the window ending on `at`'s day, newest first. */
export function windowDays(at: Date, days: number): string[] {
  const dayMs = 24 * 3_600_000;
  const beijing = at.getTime() + 8 * 3_600_000;
  return Array.from({ length: days }, (_, index) => new Date(beijing - index * dayMs).toISOString().slice(0, 10));
}

export function beijingDayOf(at: Date): string {
  return windowDays(at, 1)[0]!;
}
