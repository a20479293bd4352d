import { Inject, Injectable, Logger } from '@nestjs/common';
import { EnforceQualifications, type QualificationSweepReport } from '@supply-hub/catalog-application';
import { InjectServiceConfig, MetricsService, type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';
import { Gauge } from 'prom-client';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/**
 * Warns of qualifications ending within 30 days (log and `qualifications_expiring`), suspends the SKUs of
 * suppliers whose licence or brand authorisation has lapsed and reinstates them once covered again
 * (QUALIFICATION_SWEEP, every QUALIFICATION_SWEEP_INTERVAL_MS).
 */
@Injectable()
export class QualificationSweep extends PeriodicTask<QualificationSweepReport> {
  protected readonly logger = new Logger(QualificationSweep.name);
  private readonly expiringGauge: Gauge;

  constructor(
    private readonly enforce: EnforceQualifications,
    @Inject(MetricsService) metrics: MetricsService,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {
    super();
    this.expiringGauge = new Gauge({ name: 'qualifications_expiring', help: 'Supplier qualifications ending within 30 days with no renewal recorded', registers: [metrics.registry] });
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.QUALIFICATION_SWEEP, intervalMs: this.config.QUALIFICATION_SWEEP_INTERVAL_MS, what: 'qualification sweep' };
  }

  async runOnce(): Promise<QualificationSweepReport> {
    const report = await this.enforce.sweep();
    this.expiringGauge.set(report.expiring.length);
    if (report.expiring.length > 0) {
      const documents = report.expiring.map(({ qualification, daysLeft }) => `${qualification.supplierId} ${qualification.kind}${qualification.brand ? ` ${qualification.brand}` : ''} until ${qualification.validUntil} (${daysLeft} days)`);
      this.logger.warn({ expiring: documents }, 'supplier qualifications expire within 30 days');
    }
    if (report.suspended.length > 0) this.logger.warn({ skuIds: report.suspended }, 'SKUs suspended: their supplier’s qualification lapsed');
    if (report.restored.length > 0) this.logger.log({ skuIds: report.restored }, 'SKUs reinstated: their supplier is qualified again');
    return report;
  }
}
