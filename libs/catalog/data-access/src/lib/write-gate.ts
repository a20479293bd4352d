/**
 * Lets `limit` writes run at once and queues the rest. SQLite (under FerretDB) takes one writer at a time
 * anyway; several sources' syncs writing at once only add lock contention there (measured: the same
 * records cost FerretDB twice the CPU with seven concurrent writers). MongoDB would take more; the limit
 * is a setting.
 */
export class WriteGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(write: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await write();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
