import { ValidationError } from '@supply-hub/errors';
import type { z } from 'zod';
import { type CloudEvent, cloudEventEnvelopeSchema, CLOUDEVENTS_SPEC_VERSION, EVENT_DATA_CONTENT_TYPE } from './cloud-event';
import type { EventDefinition } from './event-definition';
import { fieldIssuesOf } from './field-issues';

export interface CreateEventOptions {
  /** URI-reference of the producer, e.g. `/catalog-sync`. */
  source: string;
  /** Required for, and only allowed on, tenant-scoped events. */
  tenantId?: string;
  /** Defaults to the aggregate id (`keyOf(data)`). */
  subject?: string;
  /** Defaults to a random UUID; pass one to make a retried write produce the same event. */
  id?: string;
  time?: Date | string;
}

/** Builds a CloudEvent and validates it exactly as a consumer will: nothing invalid leaves a producer. */
export function createEvent<T>(definition: EventDefinition<T>, data: T, options: CreateEventOptions): CloudEvent<T> {
  const time = options.time ?? new Date();
  const candidate = {
    id: options.id ?? crypto.randomUUID(),
    source: options.source,
    type: definition.type,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: typeof time === 'string' ? time : time.toISOString(),
    subject: options.subject ?? keyOrUndefined(definition, data),
    datacontenttype: EVENT_DATA_CONTENT_TYPE,
    data,
    ...(options.tenantId === undefined ? {} : { tenantid: options.tenantId }),
  };
  return validated(definition.envelopeSchema, candidate, `cannot create ${definition.type}`);
}

/** Validates an incoming event (already JSON-parsed) against its definition: envelope, type, data, tenant. */
export function parseEvent<T>(definition: EventDefinition<T>, json: unknown): CloudEvent<T> {
  return validated(definition.envelopeSchema, json, `invalid ${definition.type} event`);
}

/** Validates only the envelope, leaving `data` unchecked: for routing a message to its definition. */
export function parseEnvelope(json: unknown): CloudEvent<unknown> {
  return validated(cloudEventEnvelopeSchema, json, 'invalid CloudEvent envelope') as CloudEvent<unknown>;
}

function validated<T>(schema: z.ZodType<T>, value: unknown, message: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(message, fieldIssuesOf(result.error));
  return result.data;
}

// keyOf reads the data before it is validated; a malformed payload is reported by the schema instead.
function keyOrUndefined<T>(definition: EventDefinition<T>, data: T): string | undefined {
  try {
    return definition.keyOf(data);
  } catch {
    return undefined;
  }
}
