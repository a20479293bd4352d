import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Latency and timeout faults wait here. Closing the app cuts every wait short, so a 30-second timeout
 * fault never holds a test run or a shutdown open.
 */
export class Delays {
  private controller = new AbortController();

  async wait(ms: number): Promise<void> {
    if (ms <= 0 || this.controller.signal.aborted) return;
    try {
      await sleep(ms, undefined, { signal: this.controller.signal });
    } catch {
      // Aborted by close(): answer now.
    }
  }

  close(): void {
    this.controller.abort();
  }

  /** Nest calls this when the app closes. */
  onModuleDestroy(): void {
    this.close();
  }
}
