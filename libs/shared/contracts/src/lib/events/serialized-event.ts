import type { CloudEvent } from './cloud-event';
import type { EventDefinition } from './event-definition';

/**
 * Kafka headers of a supply-hub message. The value carries the whole event (CloudEvents "structured
 * mode"), so these duplicate a few attributes for tools and consumers that route or filter without
 * parsing the value.
 */
export const EVENT_HEADERS = {
  contentType: 'content-type',
  type: 'ce_type',
  id: 'ce_id',
  tenantId: 'ce_tenantid',
} as const;

/** The content type the CloudEvents Kafka binding prescribes for structured mode. */
export const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/**
 * An event in the form it is sent to Kafka (and stored in an outbox until then): what producer and
 * consumer agree on, independent of any client library.
 */
export interface SerializedEvent {
  eventId: string;
  type: string;
  topic: string;
  /** The aggregate id, so one aggregate's events stay in order on one partition. */
  key: string;
  /** The CloudEvent as JSON. */
  value: string;
  headers: Record<string, string>;
}

export function serializeEvent<T>(definition: EventDefinition<T>, event: CloudEvent<T>): SerializedEvent {
  if (event.type !== definition.type) {
    throw new Error(`event ${event.id} is a ${event.type}, not a ${definition.type}`);
  }
  const headers: Record<string, string> = {
    [EVENT_HEADERS.contentType]: STRUCTURED_CONTENT_TYPE,
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.id]: event.id,
  };
  if (event.tenantid !== undefined) headers[EVENT_HEADERS.tenantId] = event.tenantid;
  return {
    eventId: event.id,
    type: event.type,
    topic: definition.topic,
    key: definition.keyOf(event.data),
    value: JSON.stringify(event),
    headers,
  };
}
