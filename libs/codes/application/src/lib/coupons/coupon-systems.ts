import type { CouponSystemStore } from '@supply-hub/codes-data-access';
import { type CodeKeyRing, openSecret, type RechargeProvider } from '@supply-hub/codes-domain';
import { createMallCouponSystem, type MallCouponSystemConfig } from '@supply-hub/codes-providers';

/** What the issuance saga needs of malls' coupon systems. */
export interface CouponSystemDirectory {
  /** The tenant's coupon system as a provider, or undefined when the mall registered none. */
  providerFor(tenantId: string): Promise<RechargeProvider | undefined>;
}

type Built = { provider: RechargeProvider; close(): void };

/**
 * Malls' coupon systems from their registrations, each on an HTTP client of its own (its breaker stays
 * with it), rebuilt when the registration changes; a registration is read again after `cacheMs`.
 */
export class CouponSystems implements CouponSystemDirectory {
  private readonly built = new Map<string, { key: string; system: Built | undefined; at: number }>();

  constructor(
    private readonly store: CouponSystemStore,
    private readonly keys: CodeKeyRing,
    private readonly create: (config: MallCouponSystemConfig) => Built = (config) => {
      const { system, close } = createMallCouponSystem(config);
      return { provider: system, close };
    },
    private readonly cacheMs = 5_000,
  ) {}

  async providerFor(tenantId: string): Promise<RechargeProvider | undefined> {
    const cached = this.built.get(tenantId);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.system?.provider;
    const registration = await this.store.get(tenantId);
    const key = registration ? `${registration.url}|${registration.updatedAt.toISOString()}` : '';
    if (cached && cached.key === key) {
      cached.at = Date.now();
      return cached.system?.provider;
    }
    cached?.system?.close();
    const system = registration
      ? this.create({ tenantId, url: registration.url, credential: openSecret(this.keys, registration.credential, `coupon-system:${tenantId}`) })
      : undefined;
    this.built.set(tenantId, { key, system, at: Date.now() });
    return system?.provider;
  }

  close(): void {
    for (const entry of this.built.values()) entry.system?.close();
    this.built.clear();
  }
}
