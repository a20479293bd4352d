import type { SupplierSource } from '@supply-hub/catalog-domain';
import type { BreakerState, HttpClient, HttpClientStats } from '@supply-hub/http-client';
import { brandFeedSourceFromConfig } from '../brand-feed/create-brand-feed-supplier-source';
import { createJdSupplierSource } from '../jd/create-jd-supplier-source';
import type { SourceDependencies } from '../shared/source-dependencies';
import { createTaobaoSupplierSource } from '../taobao/create-taobao-supplier-source';
import { type SupplierSourcesConfigInput, supplierSourcesConfigSchema } from './supplier-sources-config';

/** The configured sources and the HTTP clients behind them, for /health, metrics and shutdown. */
export interface SupplierSources {
  readonly sources: readonly SupplierSource[];
  get(sourceId: string): SupplierSource | undefined;
  /** Breaker state per endpoint, by source id. */
  breakerStates(): Record<string, Record<string, BreakerState>>;
  stats(): HttpClientStats[];
  /** Stops the breakers' timers. */
  close(): void;
}

export function createSupplierSources(input: SupplierSourcesConfigInput, dependencies: SourceDependencies = {}): SupplierSources {
  const config = supplierSourcesConfigSchema.parse(input);
  const built: { source: SupplierSource; http: HttpClient }[] = config.sources.map((source) => {
    switch (source.kind) {
      case 'jd':
        return createJdSupplierSource(source, dependencies);
      case 'taobao':
        return createTaobaoSupplierSource(source, dependencies);
      case 'brand-feed':
        return brandFeedSourceFromConfig(source, dependencies);
    }
  });
  const byId = new Map(built.map((entry) => [entry.source.sourceId, entry]));
  return {
    sources: built.map((entry) => entry.source),
    get: (sourceId) => byId.get(sourceId)?.source,
    breakerStates: () => Object.fromEntries(built.map((entry) => [entry.source.sourceId, entry.http.breakerStates()])),
    stats: () => built.map((entry) => entry.http.stats()),
    close: () => built.forEach((entry) => entry.http.close()),
  };
}
