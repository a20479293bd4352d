import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

export interface PeriodicSchedule {
  enabled: boolean;
  intervalMs: number;
  /** For the log line of a pass that threw: `<what> failed; the next one tries again`. */
  what: string;
}

/**
 * Background work of a service instance on a timer: one pass at a time (a slow pass is not
 * overlapped by the next), the timer never keeps the process alive, and shutdown waits for the pass in
 * flight. Subclasses give the schedule and the pass; tests call runOnce() directly.
 */
export abstract class PeriodicTask<Report> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  /** Read at start-up, after the subclass's dependencies are in place. */
  protected abstract schedule(): PeriodicSchedule;

  abstract runOnce(): Promise<Report>;

  onApplicationBootstrap(): void {
    const { enabled, intervalMs } = this.schedule();
    if (!enabled) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, `${this.schedule().what} failed; the next one tries again`))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
