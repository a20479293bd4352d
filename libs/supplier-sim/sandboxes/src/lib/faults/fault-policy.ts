import type { FaultSettings, ProtocolFamily } from './fault-settings';

export type FaultDecision =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'timeout'; delayMs: number }
  | { kind: 'error'; delayMs: number }
  | { kind: 'pass'; delayMs: number };

/**
 * Decides, per call, which fault (if any) a protocol family's answer suffers. Pure apart from the
 * per-second call counters: randomness and time are injected, so tests replay decisions exactly.
 * Order: the rate limit first (a refused call does no work), then timeout, then error.
 */
export class FaultPolicy {
  private readonly windows = new Map<ProtocolFamily, { second: number; calls: number }>();

  constructor(
    private readonly random: () => number,
    private readonly clock: () => number,
  ) {}

  decide(family: ProtocolFamily, settings: FaultSettings): FaultDecision {
    if (settings.rateLimitPerSecond > 0) {
      const now = this.clock();
      const second = Math.floor(now / 1000);
      const window = this.windows.get(family);
      if (!window || window.second !== second) {
        this.windows.set(family, { second, calls: 1 });
      } else if (window.calls >= settings.rateLimitPerSecond) {
        return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(((second + 1) * 1000 - now) / 1000)) };
      } else {
        window.calls += 1;
      }
    }
    if (settings.timeoutRate > 0 && this.random() < settings.timeoutRate) return { kind: 'timeout', delayMs: settings.timeoutMs };
    if (settings.errorRate > 0 && this.random() < settings.errorRate) return { kind: 'error', delayMs: settings.latencyMs };
    return { kind: 'pass', delayMs: settings.latencyMs };
  }

  /** Whether one record of a page goes out broken. */
  breaksRecord(settings: FaultSettings): boolean {
    return settings.malformedRate > 0 && this.random() < settings.malformedRate;
  }

  /** A number in [0, n) for choosing how to break a record. */
  choose(n: number): number {
    return Math.floor(this.random() * n);
  }

  reset(): void {
    this.windows.clear();
  }
}
