import { mix32 } from './hash';

/**
 * mulberry32: a tiny, fast, seedable generator. One instance is made per record (seeded from the
 * record's hash) and drawn from in a fixed order, so the same record always comes out the same.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An item chosen with probability proportional to `weightOf(item)`. */
  pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let draw = this.next() * total;
    for (const item of items) {
      draw -= weightOf(item);
      if (draw < 0) return item;
    }
    return items[items.length - 1] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
