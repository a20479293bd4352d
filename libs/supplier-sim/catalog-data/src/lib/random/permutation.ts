import { mix32 } from './hash';

/** mulMod stays exact (below 2^53) up to this size: enough for 10-digit barcode bodies. */
const MAX_SIZE = 10_000_000_000;

/**
 * A bijection on [0, size): x ↦ (a·x + c) mod size with gcd(a, size) = 1, and its inverse. Used to
 * shuffle a source's listing order and to scramble codes, in O(1) memory.
 */
export class AffinePermutation {
  private readonly multiplier: number;
  private readonly offset: number;
  private readonly inverseMultiplier: number;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`permutation size must be a positive integer, got ${size}`);
    if (size > MAX_SIZE) throw new RangeError(`permutation size ${size} is too large for exact arithmetic`);
    let a = size <= 2 ? 1 : 2 + (mix32(seed) % (size - 2));
    while (gcd(a, size) !== 1) a = a + 1 >= size ? 1 : a + 1;
    this.multiplier = a;
    this.offset = size === 1 ? 0 : mix32(seed ^ 0x5bd1e995) % size;
    this.inverseMultiplier = modInverse(a, size);
  }

  apply(x: number): number {
    return mulMod(this.multiplier, x, this.size, this.offset);
  }

  invert(y: number): number {
    return mulMod(this.inverseMultiplier, (y - this.offset + this.size) % this.size, this.size, 0);
  }
}

/** (a·x + c) mod m without losing precision when a·x passes 2^53: split x into 16-bit halves. */
function mulMod(a: number, x: number, m: number, c: number): number {
  const high = Math.floor(x / 65536);
  const low = x % 65536;
  const part = (((a * high) % m) * 65536) % m;
  return (part + ((a * low) % m) + c) % m;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function modInverse(a: number, m: number): number {
  if (m === 1) return 0;
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
