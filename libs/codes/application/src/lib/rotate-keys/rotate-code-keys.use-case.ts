import { resealSecret } from '@supply-hub/codes-domain';
import type { CouponSystemStore } from '@supply-hub/codes-data-access';
import type { CodesDependencies } from '../shared/codes-dependencies';

/**
 * Re-encrypts every stored code and password (and malls' coupon-system credentials) under the current key (the first of
 * CODE_ENCRYPTION_KEYS), page by page; safe to interrupt and run again, and alongside running services
 * (each write is guarded by the ciphertext it replaces). Afterwards the old keys can be dropped.
 */
export class RotateCodeKeys {
  constructor(private readonly deps: Pick<CodesDependencies, 'codes' | 'keys'> & { couponSystemStore?: CouponSystemStore }) {}

  async execute(onProgress?: (resealed: number) => void): Promise<{ resealed: number; currentKeyId: string }> {
    let resealed = 0;
    for (;;) {
      const page = await this.deps.codes.sealedWithOtherKey(this.deps.keys.current, 500);
      if (page.length === 0) break;
      for (const code of page) {
        const sealed = {
          code: resealSecret(this.deps.keys, code.code, code._id),
          ...(code.password ? { password: resealSecret(this.deps.keys, code.password, code._id) } : {}),
        };
        if (await this.deps.codes.reseal(code, sealed)) resealed += 1;
      }
      onProgress?.(resealed);
    }
    // Malls' coupon-system credentials are sealed with the same keys.
    for (const system of (await this.deps.couponSystemStore?.all()) ?? []) {
      const context = `coupon-system:${system._id}`;
      if (system.credential.keyId !== this.deps.keys.current && (await this.deps.couponSystemStore!.reseal(system, resealSecret(this.deps.keys, system.credential, context)))) resealed += 1;
    }
    return { resealed, currentKeyId: this.deps.keys.current };
  }
}
