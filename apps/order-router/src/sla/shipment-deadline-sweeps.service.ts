import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type DeadlineSweepReport, SweepShipmentDeadlines } from '@supply-hub/orders-application';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';
import { DispatchSlaMetrics } from './dispatch-sla-metrics.service';

/**
 * The deadline sweep on a timer (ROUTING_SWEEPS, every ROUTING_SWEEP_INTERVAL_MS), beside the recovery
 * sweep: acceptance timeouts, the 36-hour at-risk flag and the 48-hour breach. Every instance may run it:
 * each flag is a version-guarded write and a reroute refuses a parcel that already moved.
 */
@Injectable()
export class ShipmentDeadlineSweeps implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ShipmentDeadlineSweeps.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deadlines: SweepShipmentDeadlines,
    private readonly metrics: DispatchSlaMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.ROUTING_SWEEPS) return;
    this.timer = setInterval(() => void this.tick(), this.config.ROUTING_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
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

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'deadline sweep failed; the next one tries again'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
