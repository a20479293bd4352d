import { Inject, Injectable, Logger } from '@nestjs/common';
import { EscalateOverdueCases } from '@supply-hub/aftersales-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import type { AftersalesEnv } from '../config/aftersales-env';
import { CasesMetrics } from './cases-metrics.service';

/** Cases not answered within the first-response window are escalated (CASE_SWEEPS, every CASE_SWEEP_INTERVAL_MS). */
@Injectable()
export class CaseEscalationSweeps extends PeriodicTask<{ escalated: string[] }> {
  protected readonly logger = new Logger(CaseEscalationSweeps.name);

  constructor(
    private readonly escalate: EscalateOverdueCases,
    private readonly metrics: CasesMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: AftersalesEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.CASE_SWEEPS, intervalMs: this.config.CASE_SWEEP_INTERVAL_MS, what: 'case escalation sweep' };
  }

  async runOnce(): Promise<{ escalated: string[] }> {
    const report = await this.escalate.execute();
    if (report.escalated.length > 0) {
      this.metrics.escalations.inc(report.escalated.length);
      this.logger.warn({ cases: report.escalated }, 'cases escalated: no first response in time');
    }
    return report;
  }
}
