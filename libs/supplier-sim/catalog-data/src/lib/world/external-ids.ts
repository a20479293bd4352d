import { hash3 } from '../random/hash';
import { BRANDS } from '../taxonomy/brands';
import type { SimSource } from './sources';

const SALT_ID = 31;

/** JD sku ids look like 100012043978, Taobao num_iids like 520813250866: 12 digits, not consecutive. */
const NUMERIC_IDS: Record<'jd' | 'taobao', { base: number; stride: number }> = {
  jd: { base: 100_010_000_000, stride: 97 },
  taobao: { base: 520_000_000_000, stride: 89 },
};

/**
 * A source's own id for its SKU at `index`, and back. Numeric ids are base + index·stride + a seeded
 * check in [0, stride), so guessed or foreign ids are refused; brand codes are the brand's model prefix
 * and a serial (MD000042).
 */
export class ExternalIds {
  constructor(private readonly seed: number) {}

  idOf(source: SimSource, index: number): string {
    if (source.kind === 'brand-feed') return `${brandPrefix(source)}${String(index + 1).padStart(6, '0')}`;
    const { base, stride } = NUMERIC_IDS[source.kind];
    return String(base + index * stride + this.check(source, index, stride));
  }

  /** The index an id names, or null when it is not one of this source's ids (whatever the count). */
  indexOf(source: SimSource, externalId: string): number | null {
    if (source.kind === 'brand-feed') {
      const prefix = brandPrefix(source);
      if (!externalId.startsWith(prefix) || !/^\d{6,}$/.test(externalId.slice(prefix.length))) return null;
      const index = Number(externalId.slice(prefix.length)) - 1;
      return index >= 0 ? index : null;
    }
    if (!/^\d{1,16}$/.test(externalId)) return null;
    const { base, stride } = NUMERIC_IDS[source.kind];
    const offset = Number(externalId) - base;
    if (offset < 0) return null;
    const index = Math.floor(offset / stride);
    return offset % stride === this.check(source, index, stride) ? index : null;
  }

  private check(source: SimSource, index: number, stride: number): number {
    return hash3(this.seed, SALT_ID + source.ordinal, index) % stride;
  }
}

function brandPrefix(source: SimSource): string {
  return BRANDS[source.brand?.brand ?? '']?.prefix ?? 'BD';
}
