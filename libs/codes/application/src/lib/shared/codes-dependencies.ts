import type { CodeKeyRing, RechargeProvider } from '@supply-hub/codes-domain';
import type { CouponSystemDirectory } from '../coupons/coupon-systems';
import type { CodeBatchStore, CodePool, CodeRevealStore, CodeStore, IssuanceStore, VirtualProductStore } from '@supply-hub/codes-data-access';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The configured recharge providers, by id. */
export interface ProviderDirectory {
  get(providerId: string): RechargeProvider | undefined;
}

/** What virtual-codes' use cases work with. */
export interface CodesDependencies {
  issuances: IssuanceStore;
  codes: CodeStore;
  pool: CodePool;
  products: VirtualProductStore;
  batches: CodeBatchStore;
  reveals: CodeRevealStore;
  keys: CodeKeyRing;
  /** HMAC secret of code fingerprints (duplicate detection). */
  fingerprintSecret: string;
  providers: ProviderDirectory;
  /** Malls' own coupon systems (coupon products). */
  couponSystems: CouponSystemDirectory;
  clock: Clock;
  /** How long a pool issuance waits for codes (an empty pool being refilled) before it fails. */
  poolWaitMs: number;
}
