import { hash3 } from '../random/hash';
import { AffinePermutation } from '../random/permutation';
import { BRAND_SOURCES, JD_SOURCE, type SimSource, TAOBAO_SOURCE, WORLD_SOURCES } from './sources';

const SALT_PERMUTATION = 11;

/** Of a brand's SKUs, the shares also sold by JD, by Taobao, and by both, at a 15 % overlap target. */
const BRAND_ALSO_JD = 0.25;
const BRAND_ALSO_TAOBAO = 0.1;
const BRAND_ALSO_BOTH = 0.08;
const REFERENCE_OVERLAP = 0.15;

/** Products [start, start + length) are offered by every source in `members`. */
interface ProductGroup {
  start: number;
  length: number;
  members: number[];
  /** Ordinal of the brand source whose brand these products must carry. */
  brandOrdinal: number | null;
}

export interface SourcePosition {
  ordinal: number;
  /** Index in the source's listing order (external ids and paging follow it). */
  index: number;
}

/**
 * Which source offers which product, as arithmetic on a few dozen numbers. Products live in one index
 * space split into groups (brand-only, brand+JD, brand+Taobao, all three, JD+Taobao, JD-only,
 * Taobao-only); each source lists its groups one after another, then shuffles its listing order with an
 * affine permutation so shared products are spread through its pages. Products added later (new SKUs)
 * come after the base products and are sold by one source each.
 */
export class WorldLayout {
  readonly productCount: number;
  private readonly groups: ProductGroup[] = [];
  /** Per source: its groups in listing order, with the position where each starts. */
  private readonly sourceGroups: { group: ProductGroup; offset: number }[][];
  private readonly baseCounts: number[];
  private readonly permutations: AffinePermutation[];

  constructor(
    seed: number,
    readonly totalSkus: number,
    overlapRate: number,
  ) {
    const jdCount = Math.round(totalSkus * JD_SOURCE.share);
    const taobaoCount = Math.round(totalSkus * TAOBAO_SOURCE.share);
    const brandCounts = splitByShare(totalSkus - jdCount - taobaoCount, BRAND_SOURCES);
    const scale = overlapRate / REFERENCE_OVERLAP;

    let start = 0;
    const add = (length: number, members: number[], brandOrdinal: number | null) => {
      const group = { start, length, members, brandOrdinal };
      this.groups.push(group);
      start += length;
    };
    let jdUsed = 0;
    let taobaoUsed = 0;
    let extraOffers = 0;
    let sharedProducts = 0;
    BRAND_SOURCES.forEach((source, i) => {
      const count = brandCounts[i] as number;
      const both = Math.min(Math.round(count * BRAND_ALSO_BOTH * scale), count, jdCount - jdUsed, taobaoCount - taobaoUsed);
      const alsoJd = Math.min(Math.round(count * BRAND_ALSO_JD * scale), count - both, jdCount - jdUsed - both);
      const alsoTaobao = Math.min(Math.round(count * BRAND_ALSO_TAOBAO * scale), count - both - alsoJd, taobaoCount - taobaoUsed - both);
      add(count - both - alsoJd - alsoTaobao, [source.ordinal], source.ordinal);
      add(alsoJd, [source.ordinal, JD_SOURCE.ordinal], source.ordinal);
      add(alsoTaobao, [source.ordinal, TAOBAO_SOURCE.ordinal], source.ordinal);
      add(both, [source.ordinal, JD_SOURCE.ordinal, TAOBAO_SOURCE.ordinal], source.ordinal);
      jdUsed += alsoJd + both;
      taobaoUsed += alsoTaobao + both;
      extraOffers += alsoJd + alsoTaobao + 2 * both;
      sharedProducts += alsoJd + alsoTaobao + both;
    });
    // JD+Taobao products make up the rest of the target: shared / (skus − extra offers) = overlapRate.
    const wanted = Math.round((overlapRate * (totalSkus - extraOffers) - sharedProducts) / (1 + overlapRate));
    const jdTaobao = Math.max(0, Math.min(wanted, jdCount - jdUsed, taobaoCount - taobaoUsed));
    add(jdTaobao, [JD_SOURCE.ordinal, TAOBAO_SOURCE.ordinal], null);
    add(jdCount - jdUsed - jdTaobao, [JD_SOURCE.ordinal], null);
    add(taobaoCount - taobaoUsed - jdTaobao, [TAOBAO_SOURCE.ordinal], null);
    this.productCount = start;

    this.sourceGroups = WORLD_SOURCES.map(() => []);
    // JD and Taobao list their general groups first, then the brand-shared ones: order is irrelevant
    // after the shuffle, but must be fixed.
    const ordered = [...this.groups.slice(-3), ...this.groups.slice(0, -3)];
    for (const group of ordered) {
      for (const member of group.members) {
        const list = this.sourceGroups[member] as { group: ProductGroup; offset: number }[];
        const last = list[list.length - 1];
        list.push({ group, offset: last ? last.offset + last.group.length : 0 });
      }
    }
    this.baseCounts = this.sourceGroups.map((list) => list.reduce((sum, entry) => sum + entry.group.length, 0));
    this.permutations = this.baseCounts.map((count, ordinal) => new AffinePermutation(Math.max(count, 1), hash3(seed, SALT_PERMUTATION, ordinal)));
  }

  /** SKUs a source has before any change round. */
  baseCount(ordinal: number): number {
    return this.baseCounts[ordinal] as number;
  }

  /** The product a source's SKU sells; SKUs past the base count are new products of their own. */
  productOf(ordinal: number, index: number): number {
    const base = this.baseCount(ordinal);
    if (index >= base) return this.productCount + (index - base) * WORLD_SOURCES.length + ordinal;
    const position = (this.permutations[ordinal] as AffinePermutation).apply(index);
    for (const { group, offset } of this.sourceGroups[ordinal] as { group: ProductGroup; offset: number }[]) {
      if (position < offset + group.length) return group.start + (position - offset);
    }
    throw new RangeError(`no product at position ${position} of source ${ordinal}`);
  }

  /** Every SKU selling product `product` (one per source offering it). */
  offersOf(product: number): SourcePosition[] {
    if (product >= this.productCount) {
      const ordinal = (product - this.productCount) % WORLD_SOURCES.length;
      return [{ ordinal, index: this.baseCount(ordinal) + Math.floor((product - this.productCount) / WORLD_SOURCES.length) }];
    }
    const group = this.groupOf(product);
    return group.members.map((ordinal) => {
      const entry = (this.sourceGroups[ordinal] as { group: ProductGroup; offset: number }[]).find((candidate) => candidate.group === group);
      const position = (entry?.offset ?? 0) + (product - group.start);
      return { ordinal, index: (this.permutations[ordinal] as AffinePermutation).invert(position) };
    });
  }

  /** The brand source whose brand a product must carry, or null when any brand of its line will do. */
  brandOrdinalOf(product: number): number | null {
    if (product >= this.productCount) {
      const ordinal = (product - this.productCount) % WORLD_SOURCES.length;
      return (WORLD_SOURCES[ordinal] as SimSource).brand ? ordinal : null;
    }
    return this.groupOf(product).brandOrdinal;
  }

  private groupOf(product: number): ProductGroup {
    for (const group of this.groups) if (product < group.start + group.length) return group;
    throw new RangeError(`product ${product} is outside the world (${this.productCount} products)`);
  }
}

/** Splits `total` by the sources' shares; the rounding remainder goes to the first. */
function splitByShare(total: number, sources: readonly SimSource[]): number[] {
  const shareSum = sources.reduce((sum, source) => sum + source.share, 0);
  const counts = sources.map((source) => Math.floor((total * source.share) / shareSum));
  counts[0] = (counts[0] as number) + total - counts.reduce((sum, count) => sum + count, 0);
  return counts;
}
