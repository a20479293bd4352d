import { type PointsBandPolicy, type PoolMembership, poolMembership, type SelectionPool } from '@supply-hub/catalog-domain';

interface Known {
  pool: SelectionPool;
  admits: PoolMembership;
}

/**
 * This instance's copy of every mall's selection pool, with each pool's membership test built once per
 * version: the mall catalog consults it on every request. A pool is replaced only by a newer version,
 * so a reload that read the store just before a write does not undo the write.
 */
export class SelectionPoolDirectory {
  private readonly pools = new Map<string, Known>();

  constructor(private readonly bandPolicy: PointsBandPolicy) {}

  get size(): number {
    return this.pools.size;
  }

  /** The mall's pool, or undefined when it has none (it sees the whole sellable catalog). */
  poolOf(mallId: string): SelectionPool | undefined {
    return this.pools.get(mallId)?.pool;
  }

  membershipOf(mallId: string): PoolMembership | undefined {
    return this.pools.get(mallId)?.admits;
  }

  apply(pool: SelectionPool): void {
    const known = this.pools.get(pool.mallId);
    if (known && known.pool.version >= pool.version) return;
    this.pools.set(pool.mallId, { pool, admits: poolMembership(pool, this.bandPolicy) });
  }

  /** Every stored pool, as read from the store. Pools are never deleted, so none is dropped here. */
  applyAll(pools: readonly SelectionPool[]): void {
    for (const pool of pools) this.apply(pool);
  }
}
