import {
  appendAttempt,
  decideAfterAttempt,
  type DeliveryAttempt,
  disabledReasonFor,
  isDelivered,
  retryDelayMs,
  shouldDisableEndpoint,
} from './webhook-delivery-policy';

const SCHEDULE = [10_000, 30_000, 120_000, 600_000, 3_600_000];
const at = new Date('2026-11-22T04:00:00.000Z');

describe('webhook retry schedule', () => {
  it('waits the scheduled delay after each failed attempt, the last one repeating', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(SCHEDULE, attempt, noJitter, 0.2))).toEqual([
      10_000, 30_000, 120_000, 600_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('adds jitter of up to the ratio, never waiting less than scheduled', () => {
    expect(retryDelayMs(SCHEDULE, 1, () => 0.999999, 0.2)).toBe(12_000);
    expect(retryDelayMs(SCHEDULE, 2, () => 0.5, 0.2)).toBe(33_000);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(SCHEDULE, 3, Math.random, 0.2);
      expect(delay).toBeGreaterThanOrEqual(120_000);
      expect(delay).toBeLessThanOrEqual(144_000);
    }
  });

  it('refuses an empty schedule', () => {
    expect(() => retryDelayMs([], 1, () => 0, 0.2)).toThrow('at least one delay');
  });
});

describe('the decision after an attempt', () => {
  const base = { now: at, retryScheduleMs: SCHEDULE, jitterRatio: 0, random: () => 0, maxAttempts: 3 };

  it('delivers on success, whatever attempt it was', () => {
    expect(decideAfterAttempt({ ...base, attempt: 3, succeeded: true })).toEqual({ status: 'delivered' });
  });

  it('schedules the next attempt while attempts remain', () => {
    expect(decideAfterAttempt({ ...base, attempt: 1, succeeded: false })).toEqual({ status: 'pending', nextAttemptAt: new Date(at.getTime() + 10_000) });
    expect(decideAfterAttempt({ ...base, attempt: 2, succeeded: false })).toEqual({ status: 'pending', nextAttemptAt: new Date(at.getTime() + 30_000) });
  });

  it('fails the delivery when the last attempt failed', () => {
    expect(decideAfterAttempt({ ...base, attempt: 3, succeeded: false })).toEqual({ status: 'failed' });
    expect(decideAfterAttempt({ ...base, attempt: 4, succeeded: false })).toEqual({ status: 'failed' });
  });

  it('counts 2xx only as delivered', () => {
    expect([200, 201, 204, 299].every(isDelivered)).toBe(true);
    expect([null, 199, 301, 400, 410, 429, 500].some(isDelivered)).toBe(false);
  });
});

describe('the attempt log', () => {
  const attempt = (n: number): DeliveryAttempt => ({ attempt: n, at, statusCode: 500, error: 'HTTP 500', durationMs: 12 });

  it('keeps the newest attempts up to the bound, oldest first', () => {
    let log: DeliveryAttempt[] = [];
    for (let n = 1; n <= 30; n++) log = appendAttempt(log, attempt(n), 25);
    expect(log).toHaveLength(25);
    expect(log[0]?.attempt).toBe(6);
    expect(log[24]?.attempt).toBe(30);
  });
});

describe('disabling an endpoint', () => {
  it('disables at the configured number of failed deliveries in a row', () => {
    expect(shouldDisableEndpoint(4, 5)).toBe(false);
    expect(shouldDisableEndpoint(5, 5)).toBe(true);
    expect(disabledReasonFor(5, 'HTTP 503')).toBe('disabled after 5 failed deliveries in a row; last error: HTTP 503');
    expect(disabledReasonFor(5, null)).toBe('disabled after 5 failed deliveries in a row');
  });
});
