import { CodePoolLow, CodesExpired } from '@supply-hub/contracts';
import type { CodeLaneDocument, PlannedLane, PoolLevel as PoolCounts } from '@supply-hub/codes-data-access';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { codesEvent } from '../shared/codes-events';

export interface PoolLevel extends PoolCounts {
  skuId: string;
  name: string;
  threshold?: number;
  low: boolean;
}

/**
 * A pool's level, and the low-stock alert kept true to it: CodePoolLow once when it falls below its
 * threshold, and re-armed when a refill lifts it again (the flag lives on the product, so two instances
 * send it once).
 */
export class CheckPoolLevel {
  constructor(private readonly deps: CodesDependencies) {}

  async execute(skuId: string): Promise<PoolLevel> {
    const product = await this.deps.products.get(skuId);
    const now = this.deps.clock.now();
    const counts = await this.deps.pool.level(skuId, now);
    const threshold = product?.lowStockThreshold;
    const low = threshold !== undefined && counts.available < threshold;
    if (product && threshold !== undefined && low !== (product.lowStockAlerted ?? false)) {
      const events = low ? [codesEvent(CodePoolLow, { skuId, available: counts.available, threshold, at: now.toISOString() }, now)] : [];
      await this.deps.products.flipLowStock(skuId, !low, events);
    }
    return { skuId, name: product?.name ?? skuId, ...counts, ...(threshold !== undefined ? { threshold } : {}), low };
  }
}

/** Every pool's level (the staff report and the gauges). */
export class PoolReport {
  private readonly level: CheckPoolLevel;

  constructor(private readonly deps: CodesDependencies) {
    this.level = new CheckPoolLevel(deps);
  }

  async execute(): Promise<PoolLevel[]> {
    const pools = await this.deps.products.pools();
    const levels: PoolLevel[] = [];
    for (const pool of pools) levels.push(await this.level.execute(pool._id));
    return levels;
  }
}

export interface PoolUpkeepReport {
  batchesCompleted: number;
  expired: { skuId: string; count: number }[];
  orphansReturned: number;
}

/**
 * The pools' housekeeping on a timer: lanes an import did not get to write, unissued codes past their
 * expiry set aside and reported (CodesExpired), and numbers taken by an allocator that died before
 * claiming them given back.
 */
export class PoolUpkeep {
  constructor(private readonly deps: CodesDependencies) {}

  async execute(): Promise<PoolUpkeepReport> {
    const now = this.deps.clock.now();
    const report: PoolUpkeepReport = { batchesCompleted: 0, expired: [], orphansReturned: 0 };
    for (const batch of await this.deps.batches.withLanesPending()) {
      await this.deps.pool.lanes.insert(batch.lanes.map((lane) => laneOf(batch.skuId, batch._id, lane, now)));
      await this.deps.batches.lanesWritten(batch._id);
      report.batchesCompleted += 1;
    }
    for (const pool of await this.deps.products.pools()) {
      const expired = await this.deps.pool.setAsideExpired(pool._id, now);
      if (expired.count > 0) {
        await this.deps.products.announce(pool._id, [codesEvent(CodesExpired, { skuId: pool._id, ...expired, at: now.toISOString() }, now)]);
        report.expired.push({ skuId: pool._id, count: expired.count });
      }
      report.orphansReturned += (await this.deps.pool.recoverOrphans(pool._id, now)).returned;
    }
    return report;
  }
}

/** The lane document of a batch's planned lane. */
export function laneOf(skuId: string, batchId: string, lane: PlannedLane, now: Date): CodeLaneDocument {
  return { _id: lane.laneId, skuId, batchId, expiresAt: lane.expiresAt, count: lane.count, next: 0, checkedUpTo: 0, nextAtLastCheck: 0, createdAt: now };
}
