import { z } from 'zod';
import { type CloudEvent, cloudEventEnvelopeSchema, EVENT_TYPE_PATTERN } from './cloud-event';

/** What Kafka accepts as a topic name: at most 249 of letters, digits, `.`, `_` and `-`. */
const KAFKA_TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * One event type: its name, the topic it travels on, the schema of its data (one source of truth for
 * producer and consumer) and which aggregate it belongs to.
 */
export interface EventDefinition<T = unknown> {
  readonly type: string;
  readonly topic: string;
  readonly description: string;
  /** Tenant-owned events carry the `tenantid` extension; the others must not. */
  readonly tenantScoped: boolean;
  readonly schema: z.ZodType<T>;
  /** The whole CloudEvent, with `type`, `data` and `tenantid` narrowed to this definition. */
  readonly envelopeSchema: z.ZodType<CloudEvent<T>>;
  /** The aggregate id: the Kafka message key and the event's default subject. */
  keyOf(data: T): string;
}

/** The data type of an event definition: `EventDataOf<typeof SkuUpserted>`. */
export type EventDataOf<D> = D extends EventDefinition<infer T> ? T : never;

export interface EventSpec<T> {
  type: string;
  topic: string;
  description: string;
  tenantScoped: boolean;
  schema: z.ZodType<T>;
  keyOf: (data: T) => string;
}

export function defineEvent<T>(spec: EventSpec<T>): EventDefinition<T> {
  if (!EVENT_TYPE_PATTERN.test(spec.type)) {
    throw new Error(`event type "${spec.type}" must be named supplyhub.<area>.<event>.v<N>`);
  }
  if (!KAFKA_TOPIC_NAME.test(spec.topic)) {
    throw new Error(`topic "${spec.topic}" of ${spec.type} is not a valid Kafka topic name`);
  }
  const envelopeSchema = cloudEventEnvelopeSchema.extend({
    type: z.literal(spec.type),
    data: spec.schema,
    tenantid: spec.tenantScoped
      ? z.string({ message: 'required: this event belongs to a tenant' }).min(1, 'required: this event belongs to a tenant')
      : z.never({ message: 'must be absent: this event does not belong to a tenant' }).optional(),
  });
  return {
    type: spec.type,
    topic: spec.topic,
    description: spec.description,
    tenantScoped: spec.tenantScoped,
    schema: spec.schema,
    // zod cannot compute the output of an extension by a generic schema; by construction it is CloudEvent<T>.
    envelopeSchema: envelopeSchema as unknown as z.ZodType<CloudEvent<T>>,
    keyOf: spec.keyOf,
  };
}
