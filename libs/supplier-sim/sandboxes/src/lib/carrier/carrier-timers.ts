/**
 * The carrier sandbox's own timeline: checkpoint and retry timers, all cancelled at once by reset or
 * when the app closes, so no push leaves after a test has finished.
 */
export class CarrierTimers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly controller = new AbortController();

  /** Aborted when the app closes: in-flight pushes give up. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get closed(): boolean {
    return this.controller.signal.aborted;
  }

  after(ms: number, run: () => void): NodeJS.Timeout | undefined {
    if (this.closed) return undefined;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      run();
    }, ms);
    // A pending push never keeps the process alive on its own.
    timer.unref();
    this.pending.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.pending.delete(timer);
  }

  cancelAll(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }

  close(): void {
    this.cancelAll();
    this.controller.abort();
  }
}
