import { z } from 'zod';

/**
 * JD and Taobao both stamp requests with a wall-clock time in Beijing (GMT+8, no daylight saving) as
 * `yyyy-MM-dd HH:mm:ss`; a gateway refuses one that is too far off, so the formatting is done from the
 * UTC instant and never from the host's time zone.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const BEIJING_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export const beijingTimeSchema = z.string().regex(BEIJING_TIME, 'must be yyyy-MM-dd HH:mm:ss (Beijing time)');

export function formatBeijingTime(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('cannot format an invalid date');
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant a Beijing wall-clock time names; throws on anything but `yyyy-MM-dd HH:mm:ss`. */
export function parseBeijingTime(text: string): Date {
  const match = BEIJING_TIME.exec(text);
  if (!match) throw new RangeError(`not a Beijing time (yyyy-MM-dd HH:mm:ss): ${text}`);
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
  const date = new Date(utc);
  // Date.UTC rolls 2026-02-30 over into March; a time the supplier cannot have meant is refused instead.
  if (formatBeijingTime(date) !== text) throw new RangeError(`not a Beijing time (yyyy-MM-dd HH:mm:ss): ${text}`);
  return date;
}
