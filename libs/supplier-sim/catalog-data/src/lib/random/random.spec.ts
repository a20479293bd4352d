import { hash3, hash4, seedOf } from './hash';
import { AffinePermutation } from './permutation';
import { Prng } from './prng';

describe('hashing and the seeded generator', () => {
  it('gives the same numbers for the same inputs and different ones otherwise', () => {
    expect(hash3(7, 1, 99)).toBe(hash3(7, 1, 99));
    expect(hash3(7, 1, 99)).not.toBe(hash3(7, 1, 100));
    expect(hash3(7, 1, 99)).not.toBe(hash3(8, 1, 99));
    expect(hash4(7, 1, 99, 2)).not.toBe(hash4(7, 1, 99, 3));
    // Indices past 2^32 must not wrap onto small ones.
    expect(hash3(7, 1, 2 ** 32 + 5)).not.toBe(hash3(7, 1, 5));
  });

  it('turns typed seeds into stable integers', () => {
    expect(seedOf('supply-hub')).toBe(seedOf('supply-hub'));
    expect(seedOf('supply-hub')).not.toBe(seedOf('supply-hub2'));
    expect(seedOf(42)).not.toBe(seedOf(43));
  });

  it('replays a Prng sequence from its seed and stays in range', () => {
    const a = new Prng(123);
    const b = new Prng(123);
    const drawsA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(drawsA);
    expect(drawsA.every((x) => x >= 0 && x < 1)).toBe(true);
    const ints = Array.from({ length: 1000 }, () => a.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('picks by weight', () => {
    const random = new Prng(9);
    const picks = Array.from({ length: 10_000 }, () => random.pickWeighted(['a', 'b'], (x) => (x === 'a' ? 9 : 1)));
    const share = picks.filter((x) => x === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });
});

describe('AffinePermutation', () => {
  it.each([1, 2, 10, 36, 997, 1000, 54_000])('is a bijection on [0, %i) with a working inverse', (size) => {
    const permutation = new AffinePermutation(size, 77);
    const seen = new Set<number>();
    for (let x = 0; x < size; x++) {
      const y = permutation.apply(x);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(size);
      seen.add(y);
      expect(permutation.invert(y)).toBe(x);
    }
    expect(seen.size).toBe(size);
  });

  it('stays exact on 10-digit spaces', () => {
    const permutation = new AffinePermutation(10_000_000_000, 5);
    for (const x of [0, 1, 123_456_789, 9_999_999_999]) expect(permutation.invert(permutation.apply(x))).toBe(x);
  });
});
