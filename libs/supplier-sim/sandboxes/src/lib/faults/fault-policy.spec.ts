import { FaultPolicy } from './fault-policy';
import { NO_FAULTS } from './fault-settings';

/** A random source that replays the given draws. */
const draws = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};

describe('FaultPolicy', () => {
  const at = Date.parse('2026-11-22T04:00:00.250Z');

  it('passes every call with the configured latency when no fault is set', () => {
    const policy = new FaultPolicy(draws(0), () => at);
    expect(policy.decide('jd', { ...NO_FAULTS, latencyMs: 25 })).toEqual({ kind: 'pass', delayMs: 25 });
  });

  it('decides timeouts and errors from the injected draws, timeout first', () => {
    const settings = { ...NO_FAULTS, timeoutRate: 0.1, errorRate: 0.3, timeoutMs: 5000, latencyMs: 7 };
    // draw 0.05 < 0.1: timeout; then 0.5 ≥ 0.1 and 0.2 < 0.3: error; then 0.5, 0.9: pass.
    const policy = new FaultPolicy(draws(0.05, 0.5, 0.2, 0.5, 0.9), () => at);
    expect(policy.decide('taobao', settings)).toEqual({ kind: 'timeout', delayMs: 5000 });
    expect(policy.decide('taobao', settings)).toEqual({ kind: 'error', delayMs: 7 });
    expect(policy.decide('taobao', settings)).toEqual({ kind: 'pass', delayMs: 7 });
  });

  it('replays the same decisions for the same draws', () => {
    const settings = { ...NO_FAULTS, errorRate: 0.5 };
    const run = () => {
      let seed = 1;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const policy = new FaultPolicy(random, () => at);
      return Array.from({ length: 50 }, () => policy.decide('feeds', settings).kind);
    };
    expect(run()).toEqual(run());
    expect(new Set(run())).toEqual(new Set(['error', 'pass']));
  });

  it('limits calls per second per family and says when to retry', () => {
    let now = at;
    const policy = new FaultPolicy(draws(0.99), () => now);
    const settings = { ...NO_FAULTS, rateLimitPerSecond: 2 };
    expect(policy.decide('jd', settings).kind).toBe('pass');
    expect(policy.decide('jd', settings).kind).toBe('pass');
    expect(policy.decide('jd', settings)).toEqual({ kind: 'rate-limited', retryAfterSeconds: 1 });
    // Another family has its own budget.
    expect(policy.decide('taobao', settings).kind).toBe('pass');
    now += 800;
    expect(policy.decide('jd', settings).kind).toBe('pass');
  });

  it('breaks records at the malformed rate', () => {
    const policy = new FaultPolicy(draws(0.1, 0.6), () => at);
    const settings = { ...NO_FAULTS, malformedRate: 0.5 };
    expect(policy.breaksRecord(settings)).toBe(true);
    expect(policy.breaksRecord(settings)).toBe(false);
    expect(policy.breaksRecord(NO_FAULTS)).toBe(false);
  });
});
