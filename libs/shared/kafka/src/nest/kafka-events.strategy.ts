import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import type { CloudEvent, EventDefinition } from '@supply-hub/contracts';
import type { Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { EventLogger } from '../lib/client/event-logger';
import { type EventContext, type EventHandlerOptions, type EventHandlerRegistration, onEvents } from '../lib/consuming/event-handler';
import type { DeadLetterPublisher } from '../lib/consuming/event-message-processor';
import { KafkaEventConsumer } from '../lib/consuming/kafka-event-consumer';
import type { ProcessedEventLedger } from '../lib/consuming/processed-event-ledger';
import { KafkaEventContext } from './kafka-event.context';
import type { KafkaModuleOptions } from './kafka-module-options';
import { EVENT_BATCH_EXTRA, EVENT_DEFINITION_EXTRA, EVENT_HANDLER_OPTIONS_EXTRA, KAFKA_EVENTS_TRANSPORT } from './kafka.constants';

export interface KafkaEventsStrategyDependencies {
  kafka: Kafka;
  ledger: ProcessedEventLedger;
  deadLetters: DeadLetterPublisher;
  options: KafkaModuleOptions;
  logger: EventLogger;
}

/**
 * The Kafka consumer of a hybrid app (`app.connectMicroservice({ strategy })`): runs the app's
 * @OnEvent and @OnEvents handlers through the framework-free KafkaEventConsumer, which validates, deduplicates,
 * retries and dead-letters. Handler errors reach it unchanged (see RethrowEventErrorsFilter) and are
 * mapped there, once.
 */
export class KafkaEventsStrategy extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_EVENTS_TRANSPORT;
  private consumer: KafkaEventConsumer | undefined;
  private registered: EventHandlerRegistration[] | undefined;

  constructor(private readonly dependencies: KafkaEventsStrategyDependencies) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = this.registrations();
      if (handlers.length === 0) {
        this.dependencies.logger.info('no @OnEvent handlers: no Kafka consumer started');
        return callback();
      }
      const { options } = this.dependencies;
      this.consumer = new KafkaEventConsumer(this.dependencies.kafka, {
        groupId: options.groupId,
        handlers,
        ledger: this.dependencies.ledger,
        deadLetters: this.dependencies.deadLetters,
        retryPolicy: options.retryPolicy,
        logger: this.dependencies.logger,
        ...options.consumer,
      });
      await this.consumer.start();
      this._status$.next('connected');
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Nest calls this on app.close(), before the shutdown hooks that disconnect the publisher. */
  async close(): Promise<void> {
    await this.consumer?.stop();
    this._status$.next('disconnected');
  }

  /** The running KafkaEventConsumer (its stats and partition assignment), once listening. */
  unwrap<T>(): T {
    if (this.consumer === undefined) throw new Error('KafkaEventsStrategy is not listening (no handlers, or startAllMicroservices() not called yet)');
    return this.consumer as T;
  }

  on(): never {
    throw new Error('KafkaEventsStrategy has no events to subscribe to; use its status observable');
  }

  /**
   * One registration per event type. Nest chains the handlers of several controllers for one type and
   * calls them all with the same payload, so the chain is taken apart and each handler called with its own
   * form: a batch handler (@OnEvents) the run, any other each event. The type's registration skips the
   * ledger only if every handler may, and takes runs only if one of them is a batch handler and none needs
   * the ledger (a run is handed over again whole after a failure).
   */
  private registrations(): EventHandlerRegistration[] {
    // Taking the chains apart happens once: a second listen() finds them taken apart already.
    this.registered ??= [...this.getHandlers()].map(([pattern, head]) => {
      const parts = chainOf(head).map((handler) => {
        const definition = handler.extras?.[EVENT_DEFINITION_EXTRA] as EventDefinition | undefined;
        if (definition === undefined || !handler.isEventHandler) {
          throw new Error(`handler for "${pattern}" is not an @OnEvent handler; KafkaEventsStrategy only runs @OnEvent(definition) methods`);
        }
        const options = (handler.extras?.[EVENT_HANDLER_OPTIONS_EXTRA] ?? {}) as EventHandlerOptions;
        return { handler, definition, batch: handler.extras?.[EVENT_BATCH_EXTRA] === true, idempotent: options.idempotent === true };
      });
      const run = async (events: readonly CloudEvent<unknown>[], context: EventContext) => {
        for (const part of parts) {
          if (part.batch) await this.invoke(part.handler, events, context);
          else for (const event of events) await this.invoke(part.handler, event, context);
        }
      };
      const definition = parts[0]!.definition;
      const idempotent = parts.every((part) => part.idempotent);
      if (idempotent && parts.some((part) => part.batch)) return onEvents(definition, run);
      return { definition, idempotent, handle: (event: CloudEvent<unknown>, context: EventContext) => run([event], context) };
    });
    return this.registered;
  }

  // Nest returns the handler's result (or its error) as an observable; awaiting it is what makes a
  // failure reach the consumer's retry / dead-letter decision instead of a log line.
  private async invoke(handler: MessageHandler, payload: CloudEvent<unknown> | readonly CloudEvent<unknown>[], context: EventContext): Promise<void> {
    const rpcContext = new KafkaEventContext([context]);
    await this.runWithProcessingHooks(rpcContext, async (runEndHook) => {
      try {
        await lastValueFrom(this.transformToObservable(await handler(payload, rpcContext)), { defaultValue: undefined });
      } finally {
        runEndHook();
      }
    });
  }
}

/** The handlers Nest chained for one pattern, each detached so that calling it runs only itself. */
function chainOf(head: MessageHandler): MessageHandler[] {
  const chain: MessageHandler[] = [];
  for (let handler: MessageHandler | undefined = head; handler;) {
    const next: MessageHandler | undefined = handler.next;
    handler.next = undefined;
    chain.push(handler);
    handler = next;
  }
  return chain;
}
