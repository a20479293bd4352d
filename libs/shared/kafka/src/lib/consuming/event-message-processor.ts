import { type CloudEvent, type DeadLetterReason, parseEnvelope, parseEvent } from '@supply-hub/contracts';
import { ValidationError } from '@supply-hub/errors';
import type { EventLogger } from '../client/event-logger';
import type { IncomingMessage, OutgoingMessage } from '../publishing/kafka-message';
import { type ConsumerStats, emptyConsumerStats } from './consumer-stats';
import { deadLetterOf } from './dead-letter';
import { type EventContext, type EventHandlerRegistration, handlersByType } from './event-handler';
import type { ProcessedEventLedger } from './processed-event-ledger';
import { decideAfterFailure, type RetryPolicy } from './retry-policy';
import { abortableSleep, ConsumerStoppingError, type Sleep, waitWithHeartbeats } from './wait';

export interface DeadLetterPublisher {
  sendMessages(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
}

export interface EventMessageProcessorOptions {
  consumerGroup: string;
  handlers: readonly EventHandlerRegistration[];
  ledger: ProcessedEventLedger;
  deadLetters: DeadLetterPublisher;
  retryPolicy: RetryPolicy;
  heartbeatIntervalMs: number;
  logger: EventLogger;
  random?: () => number;
  sleep?: Sleep;
  now?: () => Date;
}

export type ProcessOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

/** The most events a batch handler gets in one call (a fetch may bring thousands). */
export const MAX_EVENTS_PER_BATCH = 100;

type DecodedEvent = { kind: 'event'; event: CloudEvent<unknown>; registration: EventHandlerRegistration };
type Decoded = DecodedEvent | { kind: 'unhandled'; type: string } | { kind: 'invalid'; error: unknown };

/**
 * Everything a consumer does with one message, apart from talking to Kafka: decode and validate,
 * dispatch by event type, skip what the ledger has seen, retry with backoff, dead-letter. This is the
 * one place where handler errors are mapped to "retry" or "dead-letter"; handlers just throw.
 *
 * It resolves once the message is done with (its offset may be committed) and rejects only when the
 * message must be read again: the consumer is stopping, the group is rebalancing, or the dead letter
 * could not be written (nothing is dropped silently).
 */
export class EventMessageProcessor {
  readonly stats: ConsumerStats = emptyConsumerStats();
  private readonly handlers: Map<string, EventHandlerRegistration>;
  private readonly random: () => number;
  private readonly sleep: Sleep;
  private readonly now: () => Date;

  constructor(private readonly options: EventMessageProcessorOptions) {
    this.handlers = handlersByType(options.handlers);
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
    this.now = options.now ?? (() => new Date());
  }

  async process(message: IncomingMessage, heartbeat: () => Promise<void>, signal: AbortSignal): Promise<ProcessOutcome> {
    return this.processDecoded(message, this.decode(message), heartbeat, signal);
  }

  /**
   * A partition's fetched messages, in order: a run of consecutive events for one batch handler goes to
   * it in one call, any other message through `process`. `done` is told the last offset of each message
   * or run once it is done with; when it answers false (the consumer stops, the partition moved), the
   * rest is left for the next fetch. Rejects as `process` does.
   */
  async processAll(
    messages: readonly IncomingMessage[],
    heartbeat: () => Promise<void>,
    signal: AbortSignal,
    done: (offset: string) => Promise<boolean>,
  ): Promise<void> {
    const decoded = messages.map((message) => this.decode(message));
    for (let start = 0; start < messages.length;) {
      const end = this.batchEnd(decoded, start);
      if (end - start > 1) await this.processBatch(messages.slice(start, end), decoded.slice(start, end) as DecodedEvent[], heartbeat, signal);
      else await this.processDecoded(messages[start]!, decoded[start]!, heartbeat, signal);
      start = end;
      if (!(await done(messages[end - 1]!.offset))) return;
    }
  }

  /** Where the run starting at `start` ends: past the last consecutive event for the same batch handler. */
  private batchEnd(decoded: readonly Decoded[], start: number): number {
    const first = decoded[start]!;
    if (first.kind !== 'event' || !first.registration.handleMany) return start + 1;
    let end = start + 1;
    while (end < decoded.length && end - start < MAX_EVENTS_PER_BATCH) {
      const next = decoded[end]!;
      if (next.kind !== 'event' || next.registration !== first.registration) break;
      end += 1;
    }
    return end;
  }

  private async processBatch(
    messages: readonly IncomingMessage[],
    decoded: readonly DecodedEvent[],
    heartbeat: () => Promise<void>,
    signal: AbortSignal,
  ): Promise<void> {
    const registration = decoded[0]!.registration;
    try {
      await registration.handleMany!(
        decoded.map((entry) => entry.event),
        this.contextOf(messages[0]!, 1, heartbeat),
      );
      this.stats.handled += messages.length;
      return;
    } catch (error) {
      if (error instanceof ConsumerStoppingError) throw error;
      if (signal.aborted) throw new ConsumerStoppingError(error);
      this.options.logger.warn('batch handler failed; handling its events one by one', {
        type: registration.definition.type,
        events: messages.length,
        error: messageOf(error),
        ...where(messages[0]!),
      });
    }
    // One by one, each with its own retries and dead letter: a bad event cannot hold back the others.
    for (let index = 0; index < messages.length; index += 1) await this.processDecoded(messages[index]!, decoded[index]!, heartbeat, signal);
  }

  private async processDecoded(message: IncomingMessage, decoded: Decoded, heartbeat: () => Promise<void>, signal: AbortSignal): Promise<ProcessOutcome> {
    if (decoded.kind === 'invalid') return this.deadLetter(message, 'invalid-message', decoded.error, 0);
    if (decoded.kind === 'unhandled') {
      this.stats.ignored++;
      this.options.logger.debug('no handler for this event type; skipped', { type: decoded.type, ...where(message) });
      return 'ignored';
    }
    const { event, registration } = decoded;
    const { consumerGroup, ledger, retryPolicy } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        // A handler idempotent by its own key needs neither the ledger's read nor its write.
        const ledgered = !registration.idempotent;
        if (ledgered && (await ledger.isProcessed(consumerGroup, event.id))) {
          this.stats.duplicates++;
          return 'duplicate';
        }
        await registration.handle(event, this.contextOf(message, attempt, heartbeat));
        if (ledgered) {
          await ledger.markProcessed({
            consumerGroup,
            eventId: event.id,
            type: event.type,
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            processedAt: this.now(),
          });
        }
        this.stats.handled++;
        return 'handled';
      } catch (error) {
        // A stopping consumer leaves the message uncommitted for whoever owns the partition next.
        if (error instanceof ConsumerStoppingError) throw error;
        if (signal.aborted) throw new ConsumerStoppingError(error);
        const decision = decideAfterFailure(error, attempt, retryPolicy, this.random);
        if (decision.action === 'dead-letter') return this.deadLetter(message, 'handler-failed', error, attempt);
        this.stats.retries++;
        this.options.logger.warn('event handler failed; will retry', {
          type: event.type,
          eventId: event.id,
          attempt,
          delayMs: decision.delayMs,
          error: messageOf(error),
          ...where(message),
        });
        await waitWithHeartbeats(decision.delayMs, this.options.heartbeatIntervalMs, heartbeat, signal, this.sleep);
      }
    }
  }

  private decode(message: IncomingMessage): Decoded {
    try {
      if (message.value === null) throw new ValidationError('message has no value (a tombstone is not an event)');
      let json: unknown;
      try {
        json = JSON.parse(message.value.toString('utf8'));
      } catch (error) {
        throw new ValidationError(`message value is not JSON: ${messageOf(error)}`);
      }
      const { type } = parseEnvelope(json);
      const registration = this.handlers.get(type);
      if (registration === undefined) return { kind: 'unhandled', type };
      return { kind: 'event', event: parseEvent(registration.definition, json), registration };
    } catch (error) {
      return { kind: 'invalid', error };
    }
  }

  private contextOf(message: IncomingMessage, attempt: number, heartbeat: () => Promise<void>): EventContext {
    return { consumerGroup: this.options.consumerGroup, topic: message.topic, partition: message.partition, offset: message.offset, attempt, heartbeat };
  }

  private async deadLetter(message: IncomingMessage, reason: DeadLetterReason, error: unknown, attempts: number): Promise<ProcessOutcome> {
    const letter = deadLetterOf(message, { reason, error, consumerGroup: this.options.consumerGroup, attempts, failedAt: this.now() });
    await this.options.deadLetters.sendMessages(letter.topic, [letter.message]);
    this.stats.deadLettered++;
    this.options.logger.error('message dead-lettered', { reason, attempts, deadLetterTopic: letter.topic, error: messageOf(error), ...where(message) });
    return 'dead-lettered';
  }
}

function where(message: IncomingMessage) {
  return { topic: message.topic, partition: message.partition, offset: message.offset };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
