import { Inject, Injectable, Logger } from '@nestjs/common';
import { SubscribeShipmentTracking, type TrackingSweepReport } from '@supply-hub/orders-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';

/**
 * On a timer (CARRIER_TRACKING_SWEEP_INTERVAL_MS): subscribes the dispatched parcels whose subscription
 * failed at dispatch (carrier down, process stopped) and those the carrier gave up on (abort). Every
 * instance may run it: subscribing twice is answered as a duplicate, and the write is version-guarded.
 */
@Injectable()
export class TrackingSweep extends PeriodicTask<TrackingSweepReport> {
  protected readonly logger = new Logger(TrackingSweep.name);

  constructor(
    private readonly tracking: SubscribeShipmentTracking,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.CARRIER_TRACKING_SWEEP, intervalMs: this.config.CARRIER_TRACKING_SWEEP_INTERVAL_MS, what: 'tracking sweep' };
  }

  /** One pass (tests call it directly). */
  async runOnce(): Promise<TrackingSweepReport> {
    const report = await this.tracking.sweep();
    if (report.failed.length > 0) this.logger.warn({ ...report }, 'some parcels could not be subscribed for tracking; the next sweep tries again');
    return report;
  }
}
