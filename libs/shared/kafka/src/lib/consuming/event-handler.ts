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

// `handle` is declared as a method so registrations of different event types fit in one list.
export interface EventHandlerRegistration<T = unknown> extends EventHandlerOptions {
  definition: EventDefinition<T>;
  handle(event: CloudEvent<T>, context: EventContext): Promise<void>;
}

/** Pairs a definition with its handler, keeping the event's data type for the handler's parameter. */
export function onEvent<T>(definition: EventDefinition<T>, handle: EventHandler<T>, options: EventHandlerOptions = {}): EventHandlerRegistration<T> {
  return { definition, handle, ...options };
}

/** Handlers by event type; a type handled twice in one consumer is a wiring mistake. */
export function handlersByType(registrations: readonly EventHandlerRegistration[]): Map<string, EventHandlerRegistration> {
  const byType = new Map<string, EventHandlerRegistration>();
  for (const registration of registrations) {
    if (byType.has(registration.definition.type)) throw new Error(`two handlers for ${registration.definition.type} in one consumer`);
    byType.set(registration.definition.type, registration);
  }
  return byType;
}

/** The topics a consumer must subscribe to for these handlers, each once. */
export function topicsOf(registrations: readonly EventHandlerRegistration[]): string[] {
  return [...new Set(registrations.map((registration) => registration.definition.topic))];
}
