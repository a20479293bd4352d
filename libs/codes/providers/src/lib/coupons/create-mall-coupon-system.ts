import { HttpClient, type HttpClientSettingsInput } from '@supply-hub/http-client';
import type { SupplierClientDependencies } from '@supply-hub/supplier-clients';
import { MallCouponSystem, type MallCouponSystemConfig } from './mall-coupon-system';

/** Malls' coupon systems: a short timeout, a breaker that opens after a run of failures, queries retried. */
const COUPON_HTTP: HttpClientSettingsInput = { timeoutMs: 5_000, retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 } };

/** A tenant's coupon system on an HttpClient of its own (its breaker and timers stop with `close`). */
export function createMallCouponSystem(config: MallCouponSystemConfig, dependencies: SupplierClientDependencies = {}): { system: MallCouponSystem; close(): void } {
  const http = new HttpClient({
    name: `coupons-${config.tenantId}`,
    baseUrl: config.url,
    settings: COUPON_HTTP,
    time: dependencies.time,
    onBreakerStateChange: dependencies.onBreakerStateChange,
  });
  return { system: new MallCouponSystem(config, http, dependencies.time ? { now: () => dependencies.time!.now() } : Date), close: () => http.close() };
}
