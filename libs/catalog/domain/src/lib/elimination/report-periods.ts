/** How the elimination report buckets time: ISO weeks (Monday first) or calendar months, in Beijing days. */
export type ReportPeriod = 'week' | 'month';

export interface PeriodBucket {
  /** `2026-W48` or `2026-11`. */
  label: string;
  /** First and last Beijing day of the bucket, clipped to the report's range (YYYY-MM-DD, both inclusive). */
  from: string;
  to: string;
}

const DAY_MS = 24 * 3_600_000;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The label of the week or month a Beijing day (YYYY-MM-DD) falls in. */
export function periodLabelOf(day: string, period: ReportPeriod): string {
  if (period === 'month') return day.slice(0, 7);
  // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
  const ms = msOf(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The buckets covering the Beijing days from `from` to `to` (inclusive), oldest first. */
export function periodBuckets(from: string, to: string, period: ReportPeriod): PeriodBucket[] {
  const buckets: PeriodBucket[] = [];
  for (let ms = msOf(from); ms <= msOf(to); ) {
    const end = Math.min(msOf(to), periodEndOf(ms, period));
    buckets.push({ label: periodLabelOf(dayOf(ms), period), from: dayOf(ms), to: dayOf(end) });
    ms = end + DAY_MS;
  }
  return buckets;
}

/** The last day (as midnight UTC ms) of the week or month holding the day at `ms`. */
function periodEndOf(ms: number, period: ReportPeriod): number {
  const date = new Date(ms);
  if (period === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - DAY_MS;
  return ms + (6 - ((date.getUTCDay() + 6) % 7)) * DAY_MS;
}

/** The moment a Beijing day begins. */
export function beijingDayStart(day: string): Date {
  return new Date(msOf(day) - 8 * 3_600_000);
}
