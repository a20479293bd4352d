import { Inject, Injectable, Logger } from '@nestjs/common';
import { type DeadlineSweepReport, SweepShipmentDeadlines } from '@supply-hub/orders-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';
import { DispatchSlaMetrics } from './dispatch-sla-metrics.service';

/**
 * The deadline sweep on a timer (ROUTING_SWEEPS, every DEADLINE_SWEEP_INTERVAL_MS), beside the recovery
 * sweep: acceptance timeouts, the 36-hour at-risk flag and the 48-hour breach. Every instance may run it:
 * each flag is a version-guarded write and a reroute refuses a parcel that already moved.
 */
@Injectable()
export class ShipmentDeadlineSweeps extends PeriodicTask<DeadlineSweepReport> {
  protected readonly logger = new Logger(ShipmentDeadlineSweeps.name);

  constructor(
    private readonly deadlines: SweepShipmentDeadlines,
    private readonly metrics: DispatchSlaMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.ROUTING_SWEEPS, intervalMs: this.config.DEADLINE_SWEEP_INTERVAL_MS, what: 'deadline sweep' };
  }

  /** One pass at the clock's time (tests call it directly). */
  async runOnce(): Promise<DeadlineSweepReport> {
    const report = await this.deadlines.runOnce();
    this.metrics.record(report);
    for (const escalated of report.escalated) {
      // The escalation itself: operations watch these (and shipment_sla_breached_total).
      this.logger.warn({ ...escalated }, 'parcel missed the 48-hour dispatch promise; escalated to operations');
    }
    for (const moved of report.rerouted) this.logger.log({ ...moved }, 'parcel rerouted by the deadline sweep');
    for (const failed of report.failed) this.logger.error({ ...failed }, 'deadline step failed; the next sweep tries again');
    return report;
  }
}
