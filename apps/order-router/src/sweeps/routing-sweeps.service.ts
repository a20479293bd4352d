import { Inject, Injectable, Logger } from '@nestjs/common';
import { RecoverRoutings, type RecoveryReport } from '@supply-hub/orders-application';
import { type PeriodicSchedule, PeriodicTask, SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';

/**
 * Recovery of operations a dead process left half done, on a timer (ROUTING_SWEEPS, every
 * ROUTING_SWEEP_INTERVAL_MS). Every instance may run it: each step is idempotent and guarded.
 */
@Injectable()
export class RoutingSweeps extends PeriodicTask<RecoveryReport> {
  protected readonly logger = new Logger(RoutingSweeps.name);

  constructor(
    private readonly recovery: RecoverRoutings,
    @Inject(SERVICE_CONFIG) private readonly config: OrderRouterEnv,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: this.config.ROUTING_SWEEPS, intervalMs: this.config.ROUTING_SWEEP_INTERVAL_MS, what: 'routing sweep' };
  }

  /** One pass (tests call it directly). */
  async runOnce(): Promise<RecoveryReport> {
    const recovery = await this.recovery.runOnce();
    if (recovery.intents > 0) this.logger.warn({ ...recovery }, 'finished operations a stopped router left half done');
    return recovery;
  }
}
