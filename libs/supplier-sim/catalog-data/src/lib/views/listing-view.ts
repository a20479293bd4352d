import type { CatalogWorld } from '../world/catalog-world';
import type { SourceId } from '../world/sources';
import { firstTrue, lowerBound } from './sorted';

/** `modified`: by last change (Taobao's modified); `listed`: by listing time (Taobao's list_time). */
export type ListingOrder = 'modified' | 'listed';

export interface ListingQuery {
  /** Inclusive bounds on the modified time (ms since epoch). */
  modifiedFrom?: number;
  modifiedTo?: number;
  order: ListingOrder;
  descending?: boolean;
}

interface TailEntry {
  index: number;
  modifiedAt: number;
}

/**
 * The listed SKUs of a source whose modified time falls in a window, in a stable order, addressable by
 * position without building the list. Unchanged base SKUs form a contiguous index range (their listing
 * time grows with the index) minus the SKUs that changes touched; touched and new SKUs form a short
 * tail, sorted. Cost: O(log n) per page start plus O(changes) to build, so memory never follows the
 * catalog size.
 */
export class ListingView {
  readonly total: number;
  private readonly low: number;
  private readonly high: number;
  /** Touched base indices (ascending): not part of the contiguous range. */
  private readonly excluded: readonly number[];
  private readonly excludedBeforeLow: number;
  private readonly baseIncluded: number;
  private readonly tail: TailEntry[];
  /** For `listed` order: each tail entry's position in the merged sequence. */
  private readonly tailPositions: number[] = [];

  constructor(
    world: CatalogWorld,
    sourceId: SourceId,
    private readonly query: ListingQuery,
  ) {
    const from = query.modifiedFrom ?? -Infinity;
    const to = query.modifiedTo ?? Infinity;
    const base = world.baseCount(sourceId);
    this.low = firstTrue(0, base, (index) => world.listedAt(sourceId, index) >= from);
    this.high = firstTrue(this.low, base, (index) => world.listedAt(sourceId, index) > to);

    const changed = world.changedIndices(sourceId);
    this.excluded = changed.slice(0, lowerBound(changed, base));
    this.excludedBeforeLow = lowerBound(this.excluded, this.low);
    this.baseIncluded = this.high - this.low - (lowerBound(this.excluded, this.high) - this.excludedBeforeLow);

    const inWindow = (index: number) => {
      const modifiedAt = world.modifiedAt(sourceId, index);
      return world.isListed(sourceId, index) && modifiedAt >= from && modifiedAt <= to ? { index, modifiedAt } : null;
    };
    const tail: TailEntry[] = [];
    for (const index of changed) {
      const entry = inWindow(index);
      if (entry) tail.push(entry);
    }
    const count = world.count(sourceId);
    let pointer = lowerBound(changed, base);
    for (let index = base; index < count; index++) {
      while (pointer < changed.length && (changed[pointer] as number) < index) pointer++;
      if (changed[pointer] === index) continue;
      const entry = inWindow(index);
      if (entry) tail.push(entry);
    }
    if (query.order === 'modified') tail.sort((a, b) => a.modifiedAt - b.modifiedAt || a.index - b.index);
    else tail.sort((a, b) => a.index - b.index);
    this.tail = tail;
    if (query.order === 'listed') this.tailPositions = tail.map((entry, j) => j + this.includedBaseBelow(entry.index));
    this.total = this.baseIncluded + tail.length;
  }

  /** Indices at positions [offset, offset + limit) of the view. */
  slice(offset: number, limit: number): number[] {
    const start = Math.max(0, offset);
    const end = Math.min(this.total, offset + limit);
    if (end <= start) return [];
    if (!this.query.descending) return this.ascending(start, end);
    return this.ascending(this.total - end, this.total - start).reverse();
  }

  private ascending(start: number, end: number): number[] {
    const result: number[] = [];
    if (this.query.order === 'modified') {
      const baseEnd = Math.min(end, this.baseIncluded);
      if (start < baseEnd) this.walkBase(start, baseEnd - start, result);
      for (let p = Math.max(start, this.baseIncluded); p < end; p++) result.push((this.tail[p - this.baseIncluded] as TailEntry).index);
      return result;
    }
    // Merge by index: tail entries sit at known positions, base entries fill the gaps.
    let j = lowerBound(this.tailPositions, start);
    let rank = start - j;
    const pending: number[] = [];
    for (let p = start; p < end; p++) {
      if (j < this.tail.length && this.tailPositions[j] === p) {
        result.push((this.tail[j] as TailEntry).index);
        j++;
      } else {
        if (pending.length === 0) {
          this.walkBase(rank, Math.min(end - p, this.baseIncluded - rank), pending);
          pending.reverse();
        }
        result.push(pending.pop() as number);
        rank++;
      }
    }
    return result;
  }

  /** Appends `count` included base indices starting at rank `rank`. */
  private walkBase(rank: number, count: number, into: number[]): void {
    let index = this.nthBase(rank);
    let pointer = lowerBound(this.excluded, index);
    for (let n = 0; n < count; n++) {
      while (pointer < this.excluded.length && this.excluded[pointer] === index) {
        index++;
        pointer++;
      }
      into.push(index);
      index++;
    }
  }

  /** The rank-th base index in [low, high) that no change touched. */
  private nthBase(rank: number): number {
    const limit = Math.min(this.high, this.low + rank + this.excluded.length + 1);
    return firstTrue(this.low + rank, limit, (x) => this.includedBaseBelow(x + 1) >= rank + 1);
  }

  /** How many untouched base indices in [low, high) are below `index`. */
  private includedBaseBelow(index: number): number {
    const upTo = Math.max(this.low, Math.min(index, this.high));
    return upTo - this.low - (lowerBound(this.excluded, upTo) - this.excludedBeforeLow);
  }
}
