import { Inject, Injectable, Logger } from '@nestjs/common';
import { type DropShipPollReport, PollDropShipSuppliers } from '@supply-hub/orders-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';

/**
 * On a timer (DROP_SHIP_POLL_INTERVAL_MS, off with DROP_SHIP_POLLER=false): one PollDropShipSuppliers
 * pass at a time. Every instance may run it: each move of a parcel is a version-guarded write, and a
 * supplier update applied twice changes nothing.
 */
@Injectable()
export class DropShipPoller extends PeriodicTask<DropShipPollReport> {
  protected readonly logger = new Logger(DropShipPoller.name);

  constructor(
    private readonly poll: PollDropShipSuppliers,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.DROP_SHIP_POLLER, intervalMs: this.config.DROP_SHIP_POLL_INTERVAL_MS, what: 'drop-ship poll' };
  }

  /** One pass (tests call it directly). */
  async runOnce(): Promise<DropShipPollReport> {
    const report = await this.poll.runOnce();
    if (report.failures.length > 0) this.logger.warn({ ...report }, 'drop-ship poll: some steps failed; the next pass tries again');
    return report;
  }
}
