import CircuitBreaker from 'opossum';
import { RetryableAttemptError } from './http-errors';
import type { BreakerSettings } from './http-client-settings';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface EndpointStats {
  endpoint: string;
  state: BreakerState;
  /** Counts over the rolling window. */
  calls: number;
  successes: number;
  failures: number;
  /** Calls refused without trying because the breaker was open. */
  rejects: number;
}

type Attempt = () => Promise<unknown>;

/**
 * One opossum breaker per endpoint key (`jd:product/getDetail`): a failing method trips only itself, and
 * a supplier whose every method fails trips them all. Only RetryableAttemptError counts as a failure;
 * anything else the attempt throws (a 4xx, a bug) is the caller's business, not the upstream's health.
 */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker<[Attempt], unknown>>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly onStateChange?: (endpoint: string, state: BreakerState) => void,
  ) {}

  fire<T>(endpoint: string, attempt: () => Promise<T>): Promise<T> {
    return this.breakerOf(endpoint).fire(attempt) as Promise<T>;
  }

  /** Whether an error from `fire` means the breaker refused the call without trying. */
  static isOpenRejection(error: unknown): boolean {
    return error instanceof Error && (error as { code?: unknown }).code === 'EOPENBREAKER';
  }

  states(): Record<string, BreakerState> {
    const states: Record<string, BreakerState> = {};
    for (const [endpoint, breaker] of this.breakers) states[endpoint] = stateOf(breaker);
    return states;
  }

  stats(): EndpointStats[] {
    return [...this.breakers].map(([endpoint, breaker]) => {
      const { fires, successes, failures, rejects } = breaker.stats;
      return { endpoint, state: stateOf(breaker), calls: fires, successes, failures, rejects };
    });
  }

  /** Stops the breakers' timers (rolling window, reset); the registry is unusable afterwards. */
  shutdown(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  private breakerOf(endpoint: string): CircuitBreaker<[Attempt], unknown> {
    let breaker = this.breakers.get(endpoint);
    if (breaker) return breaker;
    breaker = new CircuitBreaker<[Attempt], unknown>((attempt) => attempt(), {
      name: endpoint,
      // Each attempt already has the HTTP timeout; a second timer here would only race it.
      timeout: false,
      errorThresholdPercentage: this.settings.errorThresholdPercentage,
      resetTimeout: this.settings.resetTimeoutMs,
      volumeThreshold: this.settings.volumeThreshold,
      rollingCountTimeout: this.settings.rollingWindowMs,
      rollingCountBuckets: this.settings.rollingBuckets,
      errorFilter: (error: unknown) => !(error instanceof RetryableAttemptError),
    });
    const report = (state: BreakerState) => () => this.onStateChange?.(endpoint, state);
    breaker.on('open', report('open'));
    breaker.on('halfOpen', report('half-open'));
    breaker.on('close', report('closed'));
    this.breakers.set(endpoint, breaker);
    return breaker;
  }
}

function stateOf(breaker: CircuitBreaker<[Attempt], unknown>): BreakerState {
  if (breaker.opened) return 'open';
  if (breaker.halfOpen) return 'half-open';
  return 'closed';
}
