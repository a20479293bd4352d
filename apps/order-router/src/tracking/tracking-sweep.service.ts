import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SubscribeShipmentTracking, type TrackingSweepReport } from '@supply-hub/orders-application';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';

/**
 * On a timer (CARRIER_TRACKING_SWEEP_INTERVAL_MS): subscribes the dispatched parcels whose subscription
 * failed at dispatch (carrier down, process stopped) and those the carrier gave up on (abort). Every
 * instance may run it: subscribing twice is answered as a duplicate, and the write is version-guarded.
 */
@Injectable()
export class TrackingSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TrackingSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly tracking: SubscribeShipmentTracking,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.CARRIER_TRACKING_SWEEP) return;
    this.timer = setInterval(() => void this.tick(), this.config.CARRIER_TRACKING_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass (tests call it directly). */
  async runOnce(): Promise<TrackingSweepReport> {
    const report = await this.tracking.sweep();
    if (report.failed.length > 0) this.logger.warn({ ...report }, 'some parcels could not be subscribed for tracking; the next sweep tries again');
    return report;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'tracking sweep failed; the next one tries again'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
