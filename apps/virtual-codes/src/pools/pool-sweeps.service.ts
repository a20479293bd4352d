import { Inject, Injectable, Logger } from '@nestjs/common';
import { PoolReport, PoolUpkeep } from '@supply-hub/codes-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import { CodesMetrics } from '../codes/codes-metrics.service';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';

/** Pool upkeep (expired codes, orphans, unfinished imports), levels checked (low-stock alerts) and gauged, every POOL_SWEEP_INTERVAL_MS. */
@Injectable()
export class PoolSweeps extends PeriodicTask<void> {
  protected readonly logger = new Logger(PoolSweeps.name);

  constructor(
    private readonly upkeep: PoolUpkeep,
    private readonly report: PoolReport,
    private readonly metrics: CodesMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: VirtualCodesEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.ISSUANCE_SWEEPS, intervalMs: this.config.POOL_SWEEP_INTERVAL_MS, what: 'pool sweep' };
  }

  async runOnce(): Promise<void> {
    const upkeep = await this.upkeep.execute();
    for (const { skuId, count } of upkeep.expired) this.logger.warn({ skuId, count }, 'expired codes set aside');
    if (upkeep.orphansReturned > 0) this.logger.warn({ codes: upkeep.orphansReturned }, 'codes taken by an allocator that stopped given back to their pools');
    if (upkeep.batchesCompleted > 0) this.logger.warn({ batches: upkeep.batchesCompleted }, 'imports completed that stopped before their lanes were written');
    for (const level of await this.report.execute()) {
      this.metrics.poolAvailable.set({ sku: level.skuId }, level.available);
      this.metrics.poolLow.set({ sku: level.skuId }, level.low ? 1 : 0);
    }
  }
}
