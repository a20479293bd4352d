import type { BreakerState, TimeSource } from '@supply-hub/http-client';

/** What every source factory may be given besides its configuration: injected time, breaker reports. */
export interface SourceDependencies {
  time?: TimeSource;
  onBreakerStateChange?: (endpoint: string, state: BreakerState) => void;
}
