import { fullJitterDelayMs, retryAfterMs } from './backoff';

describe('backoff', () => {
  it('draws the delay uniformly below the capped exponential step', () => {
    const retry = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(fullJitterDelayMs(retry, 1, () => 0.999)).toBe(99);
    expect(fullJitterDelayMs(retry, 3, () => 0.5)).toBe(200);
    expect(fullJitterDelayMs(retry, 10, () => 0.999)).toBe(999);
    expect(fullJitterDelayMs(retry, 2, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 10, 22, 4, 0, 0);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 04:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 03:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
