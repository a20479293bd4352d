/** Time, injected: tests move it (SLA timers, acceptance timeouts) without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar day in Beijing (yyyy-mm-dd) a moment falls on: warehouses count capacity per day there. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
