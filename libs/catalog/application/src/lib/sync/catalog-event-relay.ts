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
 * once (a crash between the two sends the batch again; the ids are the same, consumers drop repeats),
 * in the order the batches were saved. One pass at a time.
 */
export class CatalogEventRelay {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly queue: EventBatchQueue,
    private readonly sink: EventSink,
    private readonly options: { intervalMs: number; batchLimit?: number; logger?: RelayLogger },
  ) {}

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
  relayOnce(): Promise<number> {
    this.pass ??= this.drain().finally(() => (this.pass = undefined));
    return this.pass;
  }

  /** Stops the timer and relays what is saved, for a graceful shutdown. */
  async flush(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.relayOnce()) === 0) return;
    }
  }

  private async drain(): Promise<number> {
    let published = 0;
    for (;;) {
      const batches = await this.queue.oldest(this.options.batchLimit ?? 50);
      if (batches.length === 0) return published;
      for (const batch of batches) {
        await this.sink.publishSerialized(batch.events);
        await this.queue.remove(batch.id);
        published += batch.events.length;
      }
    }
  }
}
