import type { SerializedEvent } from '@supply-hub/contracts';

export interface PendingEventBatch {
  id: string;
  events: SerializedEvent[];
}

/** The saved event batches, oldest first (a product's versions must reach Kafka in order). */
export interface EventBatchQueue {
  oldest(limit: number): Promise<PendingEventBatch[]>;
  remove(id: string): Promise<void>;
}

export interface EventSink {
  publishSerialized(events: readonly SerializedEvent[]): Promise<void>;
}

export interface RelayLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Publishes the sync's saved event batches and removes each once Kafka has acknowledged it: at least
 * once (a crash between the two sends the batch again; the ids are the same, consumers drop repeats).
 * Batches this process saved are handed over in memory (`offer`) and go out in the order they were
 * saved; the database is read only every `recoveryIntervalMs` (and on flush), for batches a process
 * that died left behind: on FerretDB every read of the batch collection parses all of it.
 */
export class CatalogEventRelay {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<number> | undefined;
  private stopped = false;
  private readonly handedOver: PendingEventBatch[] = [];
  private readonly inFlight = new Set<string>();
  private lastScan = 0;

  constructor(
    private readonly queue: EventBatchQueue,
    private readonly sink: EventSink,
    private readonly options: { intervalMs: number; recoveryIntervalMs?: number; batchLimit?: number; logger?: RelayLogger; now?: () => number },
  ) {}

  /** A batch this process has just saved; published on the next pass, before anything read back. */
  offer(batch: PendingEventBatch): void {
    if (this.inFlight.has(batch.id)) return;
    this.inFlight.add(batch.id);
    this.handedOver.push(batch);
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.relayOnce();
      } catch (error) {
        this.options.logger?.warn('catalog event relay pass failed; retrying', { error: error instanceof Error ? error.message : String(error) });
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** One pass; returns how many events it published. Concurrent calls share the running pass. */
  relayOnce(scanDatabase = false): Promise<number> {
    this.pass ??= this.drain(scanDatabase).finally(() => (this.pass = undefined));
    return this.pass;
  }

  /** Stops the timer and relays what is saved, for a graceful shutdown. */
  async flush(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.relayOnce(true)) === 0) return;
    }
  }

  private async drain(scanDatabase: boolean): Promise<number> {
    let published = 0;
    while (this.handedOver.length > 0) {
      const batch = this.handedOver[0]!;
      await this.publish(batch);
      this.handedOver.shift();
      this.inFlight.delete(batch.id);
      published += batch.events.length;
    }
    const now = (this.options.now ?? Date.now)();
    if (!scanDatabase && now - this.lastScan < (this.options.recoveryIntervalMs ?? 30_000)) return published;
    this.lastScan = now;
    for (;;) {
      const batches = (await this.queue.oldest(this.options.batchLimit ?? 50)).filter((batch) => !this.inFlight.has(batch.id));
      if (batches.length === 0) return published;
      for (const batch of batches) {
        await this.publish(batch);
        published += batch.events.length;
      }
    }
  }

  private async publish(batch: PendingEventBatch): Promise<void> {
    await this.sink.publishSerialized(batch.events);
    await this.queue.remove(batch.id);
  }
}
