/** Weeks are business weeks in China: Monday 00:00 to the next Monday 00:00, Beijing time (UTC+8, no DST). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The Beijing week `2026-W47` names (ISO 8601: week 1 holds the year's first Thursday); undefined if it has no such week. */
export function isoWeekRange(week: string): { from: Date; to: Date } | undefined {
  const match = ISO_WEEK_PATTERN.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > isoWeeksIn(year)) return undefined;
  const from = mondayOfWeekOne(year) + (number - 1) * WEEK_MS - BEIJING_OFFSET_MS;
  return { from: new Date(from), to: new Date(from + WEEK_MS) };
}

/** The ISO week (`2026-W48`) a moment falls in, in Beijing. */
export function isoWeekOf(at: Date): string {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The week belongs to the year of its Thursday.
  const thursday = new Date(midnight + (3 - ((local.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const number = Math.floor((thursday.getTime() - mondayOfWeekOne(year)) / WEEK_MS) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}

/** Monday of ISO week 1 of `year`, as UTC midnight. */
function mondayOfWeekOne(year: number): number {
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7; // Monday 0
  return january4 - weekday * DAY_MS;
}

function isoWeeksIn(year: number): number {
  return Math.round((mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / WEEK_MS);
}
