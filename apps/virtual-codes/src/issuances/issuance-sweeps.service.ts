import { Inject, Injectable, Logger } from '@nestjs/common';
import { SweepIssuances } from '@supply-hub/codes-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';

/**
 * Unsettled issuances whose next check is due (ISSUANCE_SWEEPS, every ISSUANCE_SWEEP_INTERVAL_MS):
 * top-up status queries, attempts a crash left unanswered, lines waiting for a pool, providers back up.
 */
@Injectable()
export class IssuanceSweeps extends PeriodicTask<{ looked: number; settled: number }> {
  protected readonly logger = new Logger(IssuanceSweeps.name);

  constructor(
    private readonly sweep: SweepIssuances,
    @Inject(SERVICE_CONFIG) private readonly config: VirtualCodesEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.ISSUANCE_SWEEPS, intervalMs: this.config.ISSUANCE_SWEEP_INTERVAL_MS, what: 'issuance sweep' };
  }

  async runOnce(): Promise<{ looked: number; settled: number }> {
    const report = await this.sweep.execute();
    if (report.settled > 0) this.logger.log(report, 'issuances settled by the sweep');
    return report;
  }
}
