import { Inject, Injectable, Logger } from '@nestjs/common';
import { PoolReport, SetAsideExpiredCodes } from '@supply-hub/codes-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import { CodesMetrics } from '../codes/codes-metrics.service';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';

/** Expired codes set aside, pool levels checked (low-stock alerts) and gauged, every POOL_SWEEP_INTERVAL_MS. */
@Injectable()
export class PoolSweeps extends PeriodicTask<void> {
  protected readonly logger = new Logger(PoolSweeps.name);

  constructor(
    private readonly expired: SetAsideExpiredCodes,
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
    for (const { skuId, count } of await this.expired.execute()) this.logger.warn({ skuId, count }, 'expired codes set aside');
    for (const level of await this.report.execute()) {
      this.metrics.poolAvailable.set({ sku: level.skuId }, level.available);
      this.metrics.poolLow.set({ sku: level.skuId }, level.low ? 1 : 0);
    }
  }
}
