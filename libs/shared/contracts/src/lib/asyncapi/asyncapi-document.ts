import { z } from 'zod';
import type { EventDefinition } from '../events/event-definition';
import { EVENT_HEADERS, STRUCTURED_CONTENT_TYPE } from '../events/serialized-event';
import type { EventRegistry, TopicEntry } from '../registry/event-registry';
import { DEAD_LETTER_HEADERS } from '../topics/dead-letter-headers';
import { deadLetterTopicOf } from '../topics/topic-names';

export const ASYNCAPI_DOCUMENT_PATH = 'docs/asyncapi.yaml';

type JsonSchema = Record<string, unknown>;

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  defaultContentType: string;
  channels: Record<string, unknown>;
  components: { messages: Record<string, unknown> };
}

const DEAD_LETTER_MESSAGE = 'DeadLetter';
const KAFKA_BINDING_VERSION = '0.5.0';

/**
 * The AsyncAPI 3.0 description of every supply-hub topic (a channel) and event type (a message whose
 * payload is the CloudEvent, schema generated from the same zod schemas producers and consumers use).
 */
export function buildAsyncApiDocument(registry: EventRegistry): AsyncApiDocument {
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = { [DEAD_LETTER_MESSAGE]: deadLetterMessage() };
  for (const topic of registry.topics) {
    channels[topic.name] = topicChannel(topic);
    channels[deadLetterTopicOf(topic.name)] = deadLetterChannel(topic);
    for (const event of topic.events) messages[event.type] = eventMessage(event);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'supply-hub events',
      version: '1.0.0',
      description:
        'Events exchanged between supply-hub services on Kafka. Generated from libs/shared/contracts by ' +
        '`node scripts/asyncapi.mjs`; do not edit by hand. Message key = aggregate id; value = the CloudEvent ' +
        '(structured mode). Consumers are at-least-once and dedupe by event id.',
    },
    defaultContentType: STRUCTURED_CONTENT_TYPE,
    channels,
    components: { messages },
  };
}

function topicChannel(topic: TopicEntry) {
  return {
    address: topic.name,
    description: topic.description,
    messages: Object.fromEntries(topic.events.map((event) => [event.type, { $ref: `#/components/messages/${event.type}` }])),
  };
}

function deadLetterChannel(topic: TopicEntry) {
  return {
    address: deadLetterTopicOf(topic.name),
    description: `Messages of ${topic.name} that a consumer could not process after its retries, or could not parse.`,
    messages: { [DEAD_LETTER_MESSAGE]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE}` } },
  };
}

function eventMessage(event: EventDefinition) {
  return {
    name: event.type,
    title: event.type,
    summary: event.description,
    contentType: STRUCTURED_CONTENT_TYPE,
    headers: eventHeaders(event),
    payload: jsonSchemaOf(event.envelopeSchema),
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The aggregate id (the event subject)' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function eventHeaders(event: EventDefinition): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    [EVENT_HEADERS.contentType]: { type: 'string', const: STRUCTURED_CONTENT_TYPE },
    [EVENT_HEADERS.type]: { type: 'string', const: event.type },
    [EVENT_HEADERS.id]: { type: 'string', description: 'The event id (CloudEvents id)' },
  };
  const required: string[] = [EVENT_HEADERS.contentType, EVENT_HEADERS.type, EVENT_HEADERS.id];
  if (event.tenantScoped) {
    properties[EVENT_HEADERS.tenantId] = { type: 'string', description: 'The tenant (CloudEvents tenantid)' };
    required.push(EVENT_HEADERS.tenantId);
  }
  return { type: 'object', properties, required };
}

function deadLetterMessage() {
  const described: Record<keyof typeof DEAD_LETTER_HEADERS, string> = {
    reason: 'invalid-message or handler-failed',
    errorName: 'Class name of the error',
    errorCode: 'Stable error code, when the error has one',
    errorMessage: 'Error message',
    errorStack: 'First lines of the stack trace',
    consumerGroup: 'The consumer group that gave up',
    attempts: 'How many times the handler ran',
    sourceTopic: 'Topic the message came from',
    sourcePartition: 'Partition the message came from',
    sourceOffset: 'Offset of the message in its partition',
    failedAt: 'When the message was dead-lettered (RFC 3339)',
  };
  const properties = Object.fromEntries(
    (Object.keys(DEAD_LETTER_HEADERS) as (keyof typeof DEAD_LETTER_HEADERS)[]).map((field) => [
      DEAD_LETTER_HEADERS[field],
      { type: 'string', description: described[field] },
    ]),
  );
  return {
    name: DEAD_LETTER_MESSAGE,
    title: 'Dead letter',
    summary: 'The original message (value, key and headers unchanged) plus headers describing the failure.',
    headers: { type: 'object', properties, required: [DEAD_LETTER_HEADERS.reason, DEAD_LETTER_HEADERS.consumerGroup, DEAD_LETTER_HEADERS.sourceTopic] },
    payload: { description: 'The original message value, byte for byte (normally the CloudEvent JSON)' },
  };
}

// AsyncAPI's default schema format is a superset of JSON Schema draft-07. Input mode: what a producer may
// send (zod's output mode would forbid unknown keys that consumers in fact tolerate and strip).
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as JsonSchema;
  return rest;
}
