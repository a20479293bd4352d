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

type Decoded =
  | { kind: 'event'; event: CloudEvent<unknown>; registration: EventHandlerRegistration }
  | { kind: 'unhandled'; type: string }
  | { kind: 'invalid'; error: unknown };

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
    const decoded = this.decode(message);
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
