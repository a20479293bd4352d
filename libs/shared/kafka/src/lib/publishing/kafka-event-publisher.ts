import { type CloudEvent, type EventDefinition, type SerializedEvent, serializeEvent } from '@supply-hub/contracts';
import { type Kafka, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import type { OutgoingMessage } from './kafka-message';

/** Every write waits for all in-sync replicas (acks=all); the idempotent producer requires it. */
const ACKS_ALL = -1;

/**
 * Publishes CloudEvents in structured mode: value = the event as JSON, key = aggregate id, headers
 * ce_type / ce_id / ce_tenantid. Also sends raw messages for the dead-letter path.
 *
 * The producer is idempotent, so a retried send cannot write a message twice. kafkajs' idempotence
 * tracks one sequence number per partition and only stays correct with one request in flight
 * (maxInFlightRequests: 1) and acks=all. Retries are bounded (kafkajs would retry forever, which would
 * hang a relay pass or a shutdown while the broker is away); a send that gives up is retried by our
 * own callers, which is at-least-once and absorbed by consumers deduplicating by event id.
 */
export class KafkaEventPublisher {
  private readonly producer: Producer;

  constructor(kafka: Kafka, options: { retries?: number } = {}) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's partitioner (murmur2), so every producer maps a key to the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: options.retries ?? 5 },
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  async publish<T>(definition: EventDefinition<T>, ...events: CloudEvent<T>[]): Promise<void> {
    await this.publishSerialized(events.map((event) => serializeEvent(definition, event)));
  }

  /** Sends the events in one request per broker, in the given order within each partition. */
  async publishSerialized(events: readonly SerializedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const event of events) {
      const topicMessages = byTopic.get(event.topic) ?? { topic: event.topic, messages: [] };
      topicMessages.messages.push({ key: event.key, value: event.value, headers: event.headers });
      byTopic.set(event.topic, topicMessages);
    }
    await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: ACKS_ALL });
  }

  async sendMessages(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    await this.producer.send({
      topic,
      acks: ACKS_ALL,
      messages: messages.map((message) => ({ key: message.key, value: message.value, headers: message.headers })),
    });
  }
}
