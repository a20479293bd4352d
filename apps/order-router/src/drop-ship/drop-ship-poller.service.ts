import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type DropShipPollReport, PollDropShipSuppliers } from '@supply-hub/orders-application';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';

/**
 * On a timer (DROP_SHIP_POLL_INTERVAL_MS, off with DROP_SHIP_POLLER=false): one PollDropShipSuppliers
 * pass at a time. Every instance may run it: each move of a parcel is a version-guarded write, and a
 * supplier update applied twice changes nothing.
 */
@Injectable()
export class DropShipPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DropShipPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly poll: PollDropShipSuppliers,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.DROP_SHIP_POLLER) return;
    this.timer = setInterval(() => void this.tick(), this.config.DROP_SHIP_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass (tests call it directly). */
  async runOnce(): Promise<DropShipPollReport> {
    const report = await this.poll.runOnce();
    if (report.failures.length > 0) this.logger.warn({ ...report }, 'drop-ship poll: some steps failed; the next pass tries again');
    return report;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'drop-ship poll failed; the next one tries again'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
