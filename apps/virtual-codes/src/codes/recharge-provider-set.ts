import type { RechargeProvider } from '@supply-hub/codes-domain';

/** The recharge providers an instance talks to, by id, and how to stop their timers. */
export interface RechargeProviderSet {
  readonly providers: readonly RechargeProvider[];
  byId(providerId: string): RechargeProvider | undefined;
  /** Breaker state per endpoint, by provider id (for /health and the logs). */
  breakerStates(): Record<string, Record<string, string>>;
  close(): void;
}
