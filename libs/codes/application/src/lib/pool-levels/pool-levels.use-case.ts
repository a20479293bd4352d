import { CodePoolLow, CodesExpired } from '@supply-hub/contracts';
import type { PoolCounts } from '@supply-hub/codes-data-access';
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
    const counts = await this.deps.codes.counts(skuId, now);
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

/** Sets aside unissued codes past their expiry, pool by pool, and reports them (CodesExpired). */
export class SetAsideExpiredCodes {
  constructor(private readonly deps: CodesDependencies) {}

  async execute(): Promise<{ skuId: string; count: number }[]> {
    const now = this.deps.clock.now();
    const report: { skuId: string; count: number }[] = [];
    for (const pool of await this.deps.products.pools()) {
      const expired = await this.deps.codes.setAsideExpired(pool._id, now);
      if (expired.count === 0) continue;
      await this.deps.products.announce(pool._id, [codesEvent(CodesExpired, { skuId: pool._id, ...expired, at: now.toISOString() }, now)]);
      report.push({ skuId: pool._id, count: expired.count });
    }
    return report;
  }
}
