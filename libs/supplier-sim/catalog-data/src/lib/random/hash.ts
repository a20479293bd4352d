/**
 * Stateless 32-bit hashing: every generated attribute is a pure function of (seed, salt, index), so a
 * record is computed on demand and nothing proportional to the catalog size is ever held.
 */

/** A 32-bit avalanche mix (lowbias32, Chris Wellons): every input bit flips about half the output bits. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of (seed, salt, index); index may be any non-negative safe integer. */
export function hash3(seed: number, salt: number, index: number): number {
  const high = Math.floor(index / 0x100000000);
  const h = mix32((seed ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0);
  return mix32((mix32((h + index) >>> 0) ^ Math.imul(high + 1, 0x85ebca6b)) >>> 0);
}

/** Hash of (seed, salt, index, extra): a second dimension, e.g. (sku, area). */
export function hash4(seed: number, salt: number, index: number, extra: number): number {
  return mix32((hash3(seed, salt, index) ^ mix32(Math.imul(extra + 1, 0xc2b2ae35))) >>> 0);
}

/** A uniform float in [0, 1) from a 32-bit hash. */
export function unit(hash: number): number {
  return hash / 0x100000000;
}

/** Any seed a person may type (a number or a word) as an unsigned 32-bit integer (FNV-1a for text). */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) return mix32(Math.trunc(seed) >>> 0) ^ Math.trunc(seed / 0x100000000);
  let h = 0x811c9dc5;
  for (const char of String(seed)) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
