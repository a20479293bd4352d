import type { CloudEvent, EventDefinition } from '@supply-hub/contracts';

/** Where the event being handled came from, and a way to keep the group session alive during long work. */
export interface EventContext {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first run of the handler for this message, 2 on the first retry, ... */
  attempt: number;
  heartbeat(): Promise<void>;
}

export type EventHandler<T> = (event: CloudEvent<T>, context: EventContext) => Promise<void>;

export interface EventHandlerOptions {
  /**
   * The handler is idempotent by a key of its own (a unique id it writes under, an outcome it finds again
   * when run twice): the processed-event ledger is neither read nor written for its events, which saves
   * two database commands per event on a hot path. Leave it off unless a redelivered event provably
   * changes nothing.
   */
  idempotent?: boolean;
}

export type EventBatchHandler<T> = (events: readonly CloudEvent<T>[], context: EventContext) => Promise<void>;

// `handle` is declared as a method so registrations of different event types fit in one list.
export interface EventHandlerRegistration<T = unknown> extends EventHandlerOptions {
  definition: EventDefinition<T>;
  handle(event: CloudEvent<T>, context: EventContext): Promise<void>;
  /** Present for a batch handler (see onEvents): consecutive events of its type from one fetch, at once. */
  handleMany?(events: readonly CloudEvent<T>[], context: EventContext): Promise<void>;
}

/** Pairs a definition with its handler, keeping the event's data type for the handler's parameter. */
export function onEvent<T>(definition: EventDefinition<T>, handle: EventHandler<T>, options: EventHandlerOptions = {}): EventHandlerRegistration<T> {
  return { definition, handle, ...options };
}

/**
 * Pairs a definition with a handler of several events at once: a run of consecutive events of this type
 * from one partition's fetch (in order, up to MAX_EVENTS_PER_BATCH) is handed over in one call, so the
 * handler can do one database round for all of them. The context is the first event's. A batch handler
 * is idempotent by definition (no ledger): when a call throws, each of its events is handled again on
 * its own, with the usual retries and dead letters, so one bad event never holds the others back.
 */
export function onEvents<T>(definition: EventDefinition<T>, handleMany: EventBatchHandler<T>): EventHandlerRegistration<T> {
  return { definition, idempotent: true, handle: (event, context) => handleMany([event], context), handleMany };
}

/** Handlers by event type; a type handled twice in one consumer is a wiring mistake. */
export function handlersByType(registrations: readonly EventHandlerRegistration[]): Map<string, EventHandlerRegistration> {
  const byType = new Map<string, EventHandlerRegistration>();
  for (const registration of registrations) {
    if (byType.has(registration.definition.type)) throw new Error(`two handlers for ${registration.definition.type} in one consumer`);
    // A batch handed over again after a failure must change nothing the first run did.
    if (registration.handleMany && !registration.idempotent) throw new Error(`the batch handler for ${registration.definition.type} must be idempotent`);
    byType.set(registration.definition.type, registration);
  }
  return byType;
}

/** The topics a consumer must subscribe to for these handlers, each once. */
export function topicsOf(registrations: readonly EventHandlerRegistration[]): string[] {
  return [...new Set(registrations.map((registration) => registration.definition.topic))];
}
