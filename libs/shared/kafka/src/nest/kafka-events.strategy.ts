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

  private registrations(): EventHandlerRegistration[] {
    return [...this.getHandlers()].map(([pattern, handler]) => {
      const definition = handler.extras?.[EVENT_DEFINITION_EXTRA] as EventDefinition | undefined;
      if (definition === undefined || !handler.isEventHandler) {
        throw new Error(`handler for "${pattern}" is not an @OnEvent handler; KafkaEventsStrategy only runs @OnEvent(definition) methods`);
      }
      if (handler.extras?.[EVENT_BATCH_EXTRA] === true) {
        return onEvents(definition, (events: readonly CloudEvent<unknown>[], context: EventContext) => this.invoke(handler, events, context));
      }
      const options = (handler.extras?.[EVENT_HANDLER_OPTIONS_EXTRA] ?? {}) as EventHandlerOptions;
      return { definition, ...options, handle: (event: CloudEvent<unknown>, context: EventContext) => this.invoke(handler, event, context) };
    });
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
