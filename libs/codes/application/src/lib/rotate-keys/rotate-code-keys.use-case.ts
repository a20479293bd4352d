import { resealSecret } from '@supply-hub/codes-domain';
import type { CodesDependencies } from '../shared/codes-dependencies';

/**
 * Re-encrypts every stored code and password under the current key (the first of
 * CODE_ENCRYPTION_KEYS), page by page; safe to interrupt and run again, and alongside running services
 * (each write is guarded by the ciphertext it replaces). Afterwards the old keys can be dropped.
 */
export class RotateCodeKeys {
  constructor(private readonly deps: Pick<CodesDependencies, 'codes' | 'keys'>) {}

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
    return { resealed, currentKeyId: this.deps.keys.current };
  }
}
