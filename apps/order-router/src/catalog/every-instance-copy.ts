import { hostname } from 'node:os';
import { type EventHandlerRegistration, KafkaEventConsumer, type KafkaEventPublisher, type ProcessedEventLedger } from '@supply-hub/kafka';
import { nestEventLogger } from '@supply-hub/kafka/nest';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'nestjs-pino';

/** The copies this follows take a change twice or out of order without harm: no ledger. */
const NO_LEDGER: ProcessedEventLedger = { isProcessed: async () => false, markProcessed: async () => undefined };

export interface EveryInstanceCopyOptions {
  /** What is copied, for the consumer group, the logger and the log lines ("blacklist"). */
  name: string;
  /** Apply an event to this instance's memory. */
  handlers: EventHandlerRegistration[];
  /** Reads the collection into this instance's memory; says what it loaded (for the log). */
  refresh: () => Promise<string>;
  reloadIntervalMs: number;
}

/**
 * Keeps an in-memory copy current on every instance, not only the one the service's consumer group hands
 * an event to: each instance also reads the topic in a group of its own (from the latest offset) into its
 * memory. At start-up the collection is read before the app takes orders, again once that consumer has
 * its partitions (an event published in between is in the collection by then, or arrives through the
 * consumer), and every reload interval as a safety net.
 */
export class EveryInstanceCopy {
  private consumer: KafkaEventConsumer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly kafka: Kafka,
    private readonly publisher: KafkaEventPublisher,
    private readonly logger: Logger,
    private readonly options: EveryInstanceCopyOptions,
  ) {}

  async start(): Promise<void> {
    const { name } = this.options;
    this.consumer = new KafkaEventConsumer(this.kafka, {
      groupId: `order-router-${name}-${hostname()}-${process.pid}-${Date.now().toString(36)}`,
      fromBeginning: false,
      ledger: NO_LEDGER,
      deadLetters: this.publisher,
      logger: nestEventLogger(`Active ${name}`),
      handlers: this.options.handlers,
    });
    await this.consumer.start();
    this.logger.log(`${name} loaded: ${await this.options.refresh()}`);
    void this.refreshOnceAssigned();
    this.timer = setInterval(() => void this.refreshLogged(), this.options.reloadIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.timer);
    await this.consumer?.stop();
  }

  private async refreshOnceAssigned(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Object.keys(this.consumer!.assignment()).length === 0 && Date.now() < deadline && !this.stopping.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!this.stopping.signal.aborted) await this.refreshLogged();
  }

  private async refreshLogged(): Promise<void> {
    try {
      await this.options.refresh();
    } catch (error) {
      this.logger.error({ err: error }, `${this.options.name} refresh failed; the next one tries again`);
    }
  }
}
