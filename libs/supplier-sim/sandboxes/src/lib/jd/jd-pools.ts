import { type CatalogWorld, JD_SOURCE } from '@supply-hub/sim-catalog-data';
import { JD_MAX_SKU_IDS_PER_PAGE, type JdPool } from '@supply-hub/supplier-protocols';

/** Pools hold about this many SKUs (a 54,000-SKU account gets three pools of 18,000). */
const TARGET_POOL_SIZE = 20_000;
const FIRST_POOL_NUMBER = 9001;

/**
 * The account's product pools (商品池): contiguous runs of JD's listing order, the last one taking the
 * SKUs added by change rounds. Pure arithmetic on the world's counts.
 */
export class JdPools {
  private readonly poolCount: number;
  private readonly poolSize: number;

  constructor(private readonly world: CatalogWorld) {
    const base = world.baseCount(JD_SOURCE.id);
    this.poolCount = Math.max(1, Math.ceil(base / TARGET_POOL_SIZE));
    this.poolSize = Math.max(1, Math.ceil(base / this.poolCount));
  }

  list(): JdPool[] {
    return Array.from({ length: this.poolCount }, (_, k) => ({ name: `积分商城商品池${k + 1}`, page_num: String(FIRST_POOL_NUMBER + k) }));
  }

  /** Index range [start, end) of a pool, or null when no pool has that page_num. */
  range(pageNum: string): { start: number; end: number } | null {
    if (!/^\d+$/.test(pageNum)) return null;
    const k = Number(pageNum) - FIRST_POOL_NUMBER;
    if (k < 0 || k >= this.poolCount) return null;
    const count = this.world.count(JD_SOURCE.id);
    const start = Math.min(k * this.poolSize, count);
    const end = k === this.poolCount - 1 ? count : Math.min(start + this.poolSize, count);
    return { start, end };
  }

  poolOf(index: number): string {
    return String(FIRST_POOL_NUMBER + Math.min(this.poolCount - 1, Math.floor(index / this.poolSize)));
  }

  /** One page of a pool: pageCount and the index range it covers. */
  page(pageNum: string, pageNo: number): { pageCount: number; start: number; end: number } | null {
    const range = this.range(pageNum);
    if (!range) return null;
    const pageCount = Math.ceil((range.end - range.start) / JD_MAX_SKU_IDS_PER_PAGE);
    const start = Math.min(range.start + (pageNo - 1) * JD_MAX_SKU_IDS_PER_PAGE, range.end);
    return { pageCount, start, end: Math.min(start + JD_MAX_SKU_IDS_PER_PAGE, range.end) };
  }
}
