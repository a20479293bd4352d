import { applyDecorators, Catch, type RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { CloudEvent, EventDefinition } from '@supply-hub/contracts';
import { type Observable, throwError } from 'rxjs';
import type { EventHandlerOptions } from '../lib/consuming/event-handler';
import { EVENT_BATCH_EXTRA, EVENT_DEFINITION_EXTRA, EVENT_HANDLER_OPTIONS_EXTRA, KAFKA_EVENTS_TRANSPORT } from './kafka.constants';

/**
 * Hands a handler's error to KafkaEventsStrategy unchanged. Nest's default RPC filter would replace it
 * with `{ status: 'error', message: 'Internal server error' }`, and the consumer wrapper could no longer
 * tell a ValidationError (dead-letter at once) from a database hiccup (retry).
 */
@Catch()
export class RethrowEventErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

type EventHandlerMethod<T> = (event: CloudEvent<T>, ...rest: never[]) => unknown;
type EventBatchHandlerMethod<T> = (events: readonly CloudEvent<T>[], ...rest: never[]) => unknown;

/**
 * Marks a controller method as the handler of one event type, consumed by KafkaEventsStrategy:
 * `@OnEvent(SkuUpserted) async onSkuUpserted(event: CloudEvent<SkuUpsertedData>) { ... }`.
 * The handler receives the validated CloudEvent; it throws on failure and the strategy decides between
 * retry and dead letter (never the handler). For where the event came from (topic, partition, attempt,
 * heartbeat), declare `(@Payload() event, @Ctx() context: KafkaEventContext)`: Nest passes only the
 * payload to undecorated parameters, and nothing to undecorated ones once any parameter is decorated.
 * `options.idempotent`: see EventHandlerOptions.
 */
export function OnEvent<T>(definition: EventDefinition<T>, options: EventHandlerOptions = {}) {
  const decorate = applyDecorators(
    EventPattern<string>(definition.type, KAFKA_EVENTS_TRANSPORT, { [EVENT_DEFINITION_EXTRA]: definition, [EVENT_HANDLER_OPTIONS_EXTRA]: options }),
    UseFilters(new RethrowEventErrorsFilter()),
  );
  return <M extends EventHandlerMethod<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    decorate(target, key, descriptor);
  };
}

/**
 * Marks a controller method as the batch handler of one event type: it receives a run of that type's
 * consecutive events from one partition's fetch, `(events: readonly CloudEvent<T>[])`, so it can do one
 * database round for all of them. It must be idempotent per event: when it throws, each event is handed
 * to it again on its own (an array of one), with the usual retries and dead letters. See onEvents.
 */
export function OnEvents<T>(definition: EventDefinition<T>) {
  const options: EventHandlerOptions = { idempotent: true };
  const decorate = applyDecorators(
    EventPattern<string>(definition.type, KAFKA_EVENTS_TRANSPORT, {
      [EVENT_DEFINITION_EXTRA]: definition,
      [EVENT_HANDLER_OPTIONS_EXTRA]: options,
      [EVENT_BATCH_EXTRA]: true,
    }),
    UseFilters(new RethrowEventErrorsFilter()),
  );
  return <M extends EventBatchHandlerMethod<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    decorate(target, key, descriptor);
  };
}
