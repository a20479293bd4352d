import type { Consumer, Kafka } from 'kafkajs';
import { type EventLogger, stderrLogger } from '../client/event-logger';
import type { ConsumerStats } from './consumer-stats';
import { type EventHandlerRegistration, topicsOf } from './event-handler';
import { type DeadLetterPublisher, EventMessageProcessor } from './event-message-processor';
import type { ProcessedEventLedger } from './processed-event-ledger';
import { type RetryPolicy, retryPolicyOf } from './retry-policy';

export interface KafkaEventConsumerOptions {
  groupId: string;
  handlers: readonly EventHandlerRegistration[];
  ledger: ProcessedEventLedger;
  deadLetters: DeadLetterPublisher;
  retryPolicy?: Partial<RetryPolicy>;
  /** The broker drops a member it has not heard from for this long and reassigns its partitions. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Where a new group starts: the beginning (default), so a new read model sees every event kept. */
  fromBeginning?: boolean;
  /** How long a fetch waits for data on an idle topic; also bounds how long a stop waits for a fetch. */
  maxWaitTimeMs?: number;
  partitionsConsumedConcurrently?: number;
  logger?: EventLogger;
}

/** Partitions by topic. */
export type PartitionAssignment = Record<string, number[]>;

/**
 * A consumer group member running the given handlers: subscribes to their topics and feeds every
 * fetched batch through the EventMessageProcessor (validation, ledger, retries, dead letters, runs for
 * batch handlers). An offset is resolved, and committed by kafkajs's schedule, only once its message is
 * done with, so a message is never skipped.
 */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;
  private readonly processor: EventMessageProcessor;
  private readonly logger: EventLogger;
  private readonly stopping = new AbortController();
  private assigned: PartitionAssignment = {};
  private started = false;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaEventConsumerOptions,
  ) {
    const sessionTimeoutMs = options.sessionTimeoutMs ?? 30_000;
    const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_000;
    // Kafka's own rule of thumb: at least three heartbeats per session, so one lost heartbeat is harmless.
    if (heartbeatIntervalMs * 3 > sessionTimeoutMs) {
      throw new Error(`heartbeatIntervalMs (${heartbeatIntervalMs}) must be at most a third of sessionTimeoutMs (${sessionTimeoutMs})`);
    }
    this.logger = options.logger ?? stderrLogger();
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: heartbeatIntervalMs,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
    });
    this.processor = new EventMessageProcessor({
      consumerGroup: options.groupId,
      handlers: options.handlers,
      ledger: options.ledger,
      deadLetters: options.deadLetters,
      retryPolicy: retryPolicyOf(options.retryPolicy),
      heartbeatIntervalMs,
      logger: this.logger,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (event) => {
      this.assigned = event.payload.memberAssignment;
      this.logger.info('joined consumer group', { groupId: options.groupId, assignment: this.assigned });
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      this.logger.error('consumer crashed', { groupId: options.groupId, error: String(event.payload.error), restart: event.payload.restart });
    });
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get stats(): ConsumerStats {
    return this.processor.stats;
  }

  /** The partitions this member was given at the last rebalance. */
  assignment(): PartitionAssignment {
    return this.assigned;
  }

  async start(): Promise<void> {
    if (this.started) throw new Error(`consumer ${this.options.groupId} is already started`);
    this.started = true;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topicsOf(this.options.handlers), fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      // eachBatch, so that a batch handler can take a run of the fetch at once; offsets are resolved by
      // hand, after each message or run, as kafkajs's own eachMessage loop does.
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        if (!isRunning() || isStale()) return;
        const { topic, partition } = batch;
        const messages = batch.messages.map((message) => ({
          topic,
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: message.headers ?? {},
        }));
        await this.processor.processAll(messages, heartbeat, this.stopping.signal, async (offset) => {
          resolveOffset(offset);
          await heartbeat();
          await commitOffsetsIfNecessary();
          return isRunning() && !isStale();
        });
      },
    });
  }

  /**
   * Stops taking messages, lets the one in progress finish (a retry wait is cut short and the message
   * left for the next owner), commits the offsets of what is done, leaves the group and disconnects.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer.disconnect();
  }
}
