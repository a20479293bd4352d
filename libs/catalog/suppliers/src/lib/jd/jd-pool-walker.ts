import type { JdClient } from '@supply-hub/supplier-clients';
import { JD_PATHS, type JdPool, jdGetPageNumResultSchema, jdSkuPageSchema } from '@supply-hub/supplier-protocols';
import type { PoolPosition } from './jd-cursor';

export interface PoolSlice {
  skuIds: number[];
  /** Where this slice starts: with the slice size, it names the same SKUs in every pull. */
  at: { pool: string; pageNo: number; offset: number };
  /** Where the SKU after this slice is; null after the last SKU of the last pool. */
  next: PoolPosition | null;
}

/**
 * Walks every pool's SKU ids (getPageNum, then getSkuByPage page by page) in slices of `sliceSize`,
 * from `start`. A getSkuByPage page holds up to 10,000 ids; slicing it keeps SourcePages small and the
 * resume position exact (a resumed walk fetches that page again and skips `offset` ids).
 */
export async function* walkPools(client: JdClient, start: PoolPosition | undefined, sliceSize: number, signal?: AbortSignal): AsyncGenerator<PoolSlice> {
  const pools = await client.call(JD_PATHS.getPageNum, {}, jdGetPageNumResultSchema, signal);
  let [poolIndex, pageNo, offset] = [0, 1, 0];
  if (start) {
    const byId = pools.findIndex((pool) => pool.page_num === start.pool);
    // The pool is found by id even if the list changed; if it is gone, whatever pool now sits at its
    // index is walked from its start.
    [poolIndex, pageNo, offset] = byId >= 0 ? [byId, start.pageNo, start.offset] : [start.poolIndex, 1, 0];
  }
  for (; poolIndex < pools.length; poolIndex++, pageNo = 1, offset = 0) {
    const pool = pools[poolIndex];
    for (;;) {
      signal?.throwIfAborted();
      const page = await client.call(JD_PATHS.getSkuByPage, { pageNum: pool.page_num, pageNo: String(pageNo) }, jdSkuPageSchema, signal);
      for (let at = offset; at < page.skuIds.length; at += sliceSize) {
        const end = Math.min(at + sliceSize, page.skuIds.length);
        yield {
          skuIds: page.skuIds.slice(at, end),
          at: { pool: pool.page_num, pageNo, offset: at },
          next: positionAfter(pools, poolIndex, pageNo, end, page.skuIds.length, page.pageCount),
        };
      }
      if (pageNo >= page.pageCount) break;
      pageNo++;
      offset = 0;
    }
  }
}

function positionAfter(pools: readonly JdPool[], poolIndex: number, pageNo: number, end: number, pageLength: number, pageCount: number): PoolPosition | null {
  const pool = pools[poolIndex].page_num;
  if (end < pageLength) return { pool, poolIndex, pageNo, offset: end };
  if (pageNo < pageCount) return { pool, poolIndex, pageNo: pageNo + 1, offset: 0 };
  const nextPool = pools[poolIndex + 1];
  return nextPool ? { pool: nextPool.page_num, poolIndex: poolIndex + 1, pageNo: 1, offset: 0 } : null;
}
