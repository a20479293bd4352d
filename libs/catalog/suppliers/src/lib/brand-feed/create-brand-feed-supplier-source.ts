import { HttpClient } from '@supply-hub/http-client';
import type { SourceDependencies } from '../shared/source-dependencies';
import { type BrandFeedSourceConfigInput, brandFeedSourceConfigSchema, mappingOf } from './brand-feed-source-config';
import { BrandFeedSupplierSource } from './brand-feed-supplier-source';

/** A brand's feed from its configuration alone (see brandFeedSourceConfigSchema). */
export function brandFeedSourceFromConfig(
  input: BrandFeedSourceConfigInput,
  dependencies: SourceDependencies = {},
): { source: BrandFeedSupplierSource; http: HttpClient } {
  const config = brandFeedSourceConfigSchema.parse(input);
  const http = new HttpClient({
    name: config.id,
    // The feed URL is absolute; a base URL is only needed for relative paths.
    baseUrl: new URL(config.url).origin,
    settings: config.http,
    time: dependencies.time,
    onBreakerStateChange: dependencies.onBreakerStateChange,
  });
  return { source: new BrandFeedSupplierSource(config, mappingOf(config), http), http };
}
