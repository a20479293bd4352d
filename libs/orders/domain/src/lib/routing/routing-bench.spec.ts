import { benchRoutingDecision } from './routing-bench';

// Shape and mix only: timings are never asserted in tests (they belong to `npm run bench -- router`).
describe('benchRoutingDecision', () => {
  it('times the requested decisions over a realistic mix of outcomes and reports ordered percentiles', () => {
    const result = benchRoutingDecision({ iterations: 300, warmUp: 50 });
    expect(result.iterations).toBe(300);
    expect(Object.values(result.rules).reduce((sum, count) => sum + count, 0)).toBe(300);
    expect(result.rules['nearest-complete']).toBeGreaterThan(0);
    expect(result.rules['fewest-parcels']).toBeGreaterThan(0);
    expect(result.withDropShip).toBeGreaterThan(0);
    expect(result.withSplitLine).toBeGreaterThan(0);
    expect(result.p50Ms).toBeLessThanOrEqual(result.p90Ms);
    expect(result.p90Ms).toBeLessThanOrEqual(result.p99Ms);
    expect(result.p99Ms).toBeLessThanOrEqual(result.maxMs);
  });

  it('generates the same orders for the same seed', () => {
    const first = benchRoutingDecision({ iterations: 100, seed: 7, warmUp: 0 });
    const again = benchRoutingDecision({ iterations: 100, seed: 7, warmUp: 0 });
    expect([again.rules, again.withSplitLine, again.withDropShip, again.withUnrouted]).toEqual([
      first.rules,
      first.withSplitLine,
      first.withDropShip,
      first.withUnrouted,
    ]);
  });
});
