import type { RechargeProvider } from '@supply-hub/codes-domain';
import { type BreakerState, HttpClient, type ResponseClassifier } from '@supply-hub/http-client';
import type { SupplierClientDependencies } from '@supply-hub/supplier-clients';
import { fuluAnswerSchema, isFuluBusy, isJuheSystemError, juheEnvelopeSchema } from '@supply-hub/supplier-protocols';
import type { RechargeProviderConfig, RechargeProvidersConfig } from './config/recharge-providers-config';
import { FuluRechargeProvider } from './fulu/fulu-recharge-provider';
import { JuheRechargeProvider } from './juhe/juhe-recharge-provider';

/** The configured recharge providers and the HTTP clients behind them (for /health and shutdown). */
export interface RechargeProviderSet {
  readonly providers: readonly RechargeProvider[];
  byId(id: string): RechargeProvider | undefined;
  /** Breaker state per endpoint, by provider id. */
  breakerStates(): Record<string, Record<string, BreakerState>>;
  /** Stops the breakers' timers. */
  close(): void;
}

/**
 * "Busy" answered in-band with a 200 counts like a 503 (retried for queries, `unknown` for a submit,
 * and against the breaker): 福禄-style codes 5000 / 4001, 聚合-style 10012 / 10014 / 10020.
 */
export const RECHARGE_RESPONSE_CLASSIFIERS: Record<RechargeProviderConfig['kind'], ResponseClassifier> = {
  fulu: (response) => {
    const answer = fuluAnswerSchema.safeParse(response.data);
    return answer.success && isFuluBusy(answer.data.code) ? { retry: `busy: ${answer.data.code} ${answer.data.message ?? ''}`.trim() } : undefined;
  },
  juhe: (response) => {
    const envelope = juheEnvelopeSchema.safeParse(response.data);
    return envelope.success && isJuheSystemError(envelope.data.error_code) ? { retry: `busy: ${envelope.data.error_code} ${envelope.data.reason}` } : undefined;
  },
};

/** One adapter per configured provider, each on its own HttpClient (rate limit, one breaker per endpoint, backoff). */
export function createRechargeProviders(config: RechargeProvidersConfig, dependencies: SupplierClientDependencies = {}): RechargeProviderSet {
  const built = config.providers.map((entry) => {
    const http = new HttpClient({
      name: entry.id,
      baseUrl: entry.baseUrl,
      settings: entry.http,
      classifyResponse: RECHARGE_RESPONSE_CLASSIFIERS[entry.kind],
      time: dependencies.time,
      onBreakerStateChange: dependencies.onBreakerStateChange,
    });
    return { provider: adapterOf(entry, http, dependencies), http };
  });
  const byId = new Map(built.map((entry) => [entry.provider.id, entry.provider]));
  return {
    providers: built.map((entry) => entry.provider),
    byId: (id) => byId.get(id),
    breakerStates: () => Object.fromEntries(built.map((entry) => [entry.provider.id, entry.http.breakerStates()])),
    close: () => built.forEach((entry) => entry.http.close()),
  };
}

function adapterOf(entry: RechargeProviderConfig, http: HttpClient, dependencies: SupplierClientDependencies): RechargeProvider {
  switch (entry.kind) {
    case 'fulu':
      return new FuluRechargeProvider(entry, http, dependencies.time);
    case 'juhe':
      return new JuheRechargeProvider(entry, http);
  }
}
