import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RecoverRoutings } from '@supply-hub/orders-application';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { OrderRouterEnv } from '../config/order-router-env';

/**
 * The background work of an order-router instance, on a timer: recovery of operations a dead process
 * left half done. Every instance may run it: each step is idempotent and guarded.
 */
@Injectable()
export class RoutingSweeps implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoutingSweeps.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly recovery: RecoverRoutings,
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

  /** One pass of every sweep (tests call it directly). */
  async runOnce() {
    const recovery = await this.recovery.runOnce();
    if (recovery.intents > 0) this.logger.warn({ ...recovery }, 'finished operations a stopped router left half done');
    return { recovery };
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'routing sweep failed; the next one tries again'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
