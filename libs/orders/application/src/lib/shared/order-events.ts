import { createEvent, type EventDefinition, type SerializedEvent, serializeEvent } from '@supply-hub/contracts';

export const ORDER_ROUTER_SOURCE = '/order-router';

/** A tenant's event, serialised for the outbox. */
export function tenantEvent<T>(definition: EventDefinition<T>, data: T, tenantId: string, at: Date): SerializedEvent {
  return serializeEvent(definition, createEvent(definition, data, { source: ORDER_ROUTER_SOURCE, tenantId, time: at }));
}
