import type { OfferOverride } from './change-types';

interface NewSkuBatch {
  firstIndex: number;
  at: number;
}

/**
 * Everything change rounds did, per source: overrides of existing SKUs and batches of new ones. Its size
 * grows with the number of changes only; the generated world underneath is never stored.
 */
export class ChangeOverlay {
  private overrides: Map<number, OfferOverride>[];
  private newBatches: NewSkuBatch[][];
  private newCounts: number[];
  private versions: number[];
  private changedAt: (number | null)[];
  private sortedCache: ({ version: number; indices: number[] } | null)[];

  constructor(private readonly sourceCount: number) {
    this.overrides = [];
    this.newBatches = [];
    this.newCounts = [];
    this.versions = [];
    this.changedAt = [];
    this.sortedCache = [];
    this.clear();
  }

  clear(): void {
    this.overrides = Array.from({ length: this.sourceCount }, () => new Map());
    this.newBatches = Array.from({ length: this.sourceCount }, () => []);
    this.newCounts = new Array<number>(this.sourceCount).fill(0);
    this.versions = new Array<number>(this.sourceCount).fill(0);
    this.changedAt = new Array<number | null>(this.sourceCount).fill(null);
    this.sortedCache = new Array(this.sourceCount).fill(null);
  }

  get(ordinal: number, index: number): OfferOverride | undefined {
    return this.overrides[ordinal]?.get(index);
  }

  patch(ordinal: number, index: number, patch: Omit<OfferOverride, 'modifiedAt'>, at: number): void {
    const map = this.overrides[ordinal] as Map<number, OfferOverride>;
    map.set(index, { ...map.get(index), ...patch, modifiedAt: at });
    this.touch(ordinal, at);
  }

  /** Adds one SKU after the source's existing ones; returns its index. */
  addNew(ordinal: number, baseCount: number, at: number): number {
    const index = baseCount + (this.newCounts[ordinal] as number);
    const batches = this.newBatches[ordinal] as NewSkuBatch[];
    if (batches[batches.length - 1]?.at !== at) batches.push({ firstIndex: index, at });
    this.newCounts[ordinal] = (this.newCounts[ordinal] as number) + 1;
    this.touch(ordinal, at);
    return index;
  }

  newCount(ordinal: number): number {
    return this.newCounts[ordinal] as number;
  }

  /** When a new SKU was added (its batch's time). */
  createdAt(ordinal: number, index: number): number {
    const batches = this.newBatches[ordinal] as NewSkuBatch[];
    let low = 0;
    let high = batches.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((batches[middle] as NewSkuBatch).firstIndex <= index) low = middle;
      else high = middle - 1;
    }
    return (batches[low] as NewSkuBatch).at;
  }

  /** Bumped by every change to the source: feeds derive their ETag from it. */
  version(ordinal: number): number {
    return this.versions[ordinal] as number;
  }

  lastChangedAt(ordinal: number): number | null {
    return this.changedAt[ordinal] as number | null;
  }

  /** Indices carrying an override, ascending (cached until the next change). */
  overriddenIndices(ordinal: number): readonly number[] {
    const cached = this.sortedCache[ordinal];
    if (cached && cached.version === this.version(ordinal)) return cached.indices;
    const indices = [...(this.overrides[ordinal] as Map<number, OfferOverride>).keys()].sort((a, b) => a - b);
    this.sortedCache[ordinal] = { version: this.version(ordinal), indices };
    return indices;
  }

  private touch(ordinal: number, at: number): void {
    this.versions[ordinal] = (this.versions[ordinal] as number) + 1;
    this.changedAt[ordinal] = Math.max(this.changedAt[ordinal] ?? 0, at);
  }
}
