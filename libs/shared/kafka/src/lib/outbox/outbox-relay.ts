import type { SerializedEvent } from '@supply-hub/contracts';
import { type EventLogger, stderrLogger } from '../client/event-logger';
import type { OutboxStore, PendingOutbox } from './outbox-store';

export interface OutboxPublisher {
  publishSerialized(events: readonly SerializedEvent[]): Promise<void>;
}

export interface OutboxRelayOptions {
  /** Pause between the end of one pass and the start of the next. */
  intervalMs?: number;
  /** Delay before the first pass (OUTBOX_RELAY_START_DELAY_MS; the crash-recovery test uses it). */
  startDelayMs?: number;
  /** Documents taken per pass. */
  batchSize?: number;
  logger?: EventLogger;
}

export interface RelayPassResult {
  documents: number;
  published: number;
  failed: number;
}

/**
 * Moves outbox entries to Kafka: takes pending documents, publishes each document's entries in order,
 * then removes exactly those entries. A crash between publishing and removing publishes them again
 * (at-least-once; consumers dedupe by event id), and so does a second relay working on the same
 * documents at the same time; neither can lose an entry, because only published ones are removed.
 */
export class OutboxRelay<Ref = unknown> {
  private readonly intervalMs: number;
  private readonly startDelayMs: number;
  private readonly batchSize: number;
  private readonly logger: EventLogger;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private pass: Promise<RelayPassResult> | undefined;
  /** A scheduled pass is in flight (not a runOnce of a caller). */
  private passing = false;
  /** Something was written during that pass: run the next one at once instead of after the interval. */
  private poked = false;
  private startDelayPending = false;

  constructor(
    private readonly store: OutboxStore<Ref>,
    private readonly publisher: OutboxPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 200;
    this.startDelayMs = options.startDelayMs ?? 0;
    this.batchSize = options.batchSize ?? 100;
    this.logger = options.logger ?? stderrLogger();
  }

  /** Starts relaying in the background: first pass after the start delay, then every interval. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // A start delay (crash tests) is honoured by pokes too.
    this.startDelayPending = this.startDelayMs > 0;
    this.schedule(this.startDelayMs);
  }

  /**
   * Something was written to an outbox: relay it now rather than at the next interval (the interval stays
   * as the safety net for writes of other processes). Pokes during a pass make the next pass follow at once.
   */
  poke(): void {
    if (!this.running || this.startDelayPending) return;
    if (this.passing) {
      this.poked = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Stops scheduling passes and waits for the one in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  /**
   * For graceful shutdown: stops the schedule, then relays until nothing is pending, a pass publishes
   * nothing (the broker is unreachable: the entries stay for the next start), or the time is up.
   */
  async flush(timeoutMs = 10_000): Promise<void> {
    await this.stop();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.runOnce();
      if (result.documents === 0) return;
      if (result.published === 0) {
        this.logger.warn('outbox flush: nothing could be published; entries stay pending', { ...result });
        return;
      }
      if (Date.now() >= deadline) {
        this.logger.warn('outbox flush: time is up with entries still pending', { timeoutMs });
        return;
      }
    }
  }

  /** One pass. Passes of one relay never overlap: a call during a pass waits for it, then runs. */
  runOnce(): Promise<RelayPassResult> {
    const previous = this.pass ?? Promise.resolve(undefined);
    const next = previous.then(() => this.relayBatch());
    this.pass = next.catch(() => ({ documents: 0, published: 0, failed: 0 }));
    return next;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.startDelayPending = false;
      this.passing = true;
      this.runOnce()
        .catch((error: unknown) => this.logger.error('outbox relay pass failed', { error: messageOf(error) }))
        .finally(() => {
          this.passing = false;
          const again = this.poked;
          this.poked = false;
          if (this.running) this.schedule(again ? 0 : this.intervalMs);
        });
    }, delayMs);
  }

  private async relayBatch(): Promise<RelayPassResult> {
    const pending = await this.store.findPending(this.batchSize);
    const sent = await this.publish(pending);
    const result = { documents: pending.length, published: 0, failed: 0 };
    pending.forEach((outbox, index) => {
      if (sent[index]) result.published += outbox.entries.length;
      else result.failed += outbox.entries.length;
    });
    const published = pending.filter((_, index) => sent[index]).map((outbox) => ({ ref: outbox.ref, eventIds: outbox.entries.map((entry) => entry.eventId) }));
    if (published.length === 0) return result;
    try {
      await this.store.removePublished(published);
    } catch (error) {
      // Published but still pending: they will be published again, which consumers absorb.
      this.logger.warn('outbox: removing published entries failed; they will be published again', { error: messageOf(error) });
    }
    return result;
  }

  /**
   * Every document's entries in one send, each document's in order (they are one aggregate's events):
   * one produce request per pass instead of one per document. If that send fails, each document is sent
   * on its own, so one that cannot be published does not hold the others back. Says, per document,
   * whether its entries went out.
   */
  private async publish(pending: readonly PendingOutbox<Ref>[]): Promise<boolean[]> {
    const entries = pending.flatMap((outbox) => outbox.entries);
    if (entries.length === 0) return pending.map(() => true);
    try {
      await this.publisher.publishSerialized(entries);
      return pending.map(() => true);
    } catch {
      return Promise.all(pending.map((outbox) => this.publishOne(outbox)));
    }
  }

  private async publishOne(outbox: PendingOutbox<Ref>): Promise<boolean> {
    if (outbox.entries.length === 0) return true;
    try {
      await this.publisher.publishSerialized(outbox.entries);
      return true;
    } catch (error) {
      this.logger.warn('outbox: publishing failed; entries stay pending', { eventIds: outbox.entries.map((entry) => entry.eventId), error: messageOf(error) });
      return false;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
