import type { Consumer, Kafka } from 'kafkajs';
import { startGroupAtEnd } from './start-group-at-end';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface CollectorWaitOptions {
  timeoutMs?: number;
  /** What the test waits for, in words (the timeout message names it). */
  message: string;
}

/**
 * Reads topics from the beginning in a consumer group of its own and keeps every message, so a test
 * can await what it expects to appear on Kafka instead of sleeping.
 */
export class KafkaTestCollector {
  readonly messages: CollectedMessage[] = [];

  private constructor(private readonly consumer: Consumer) {}

  /**
   * `startAt: 'end'` skips what the topics already hold (a shared topic such as the catalog's keeps every
   * earlier run's events): the group's offsets are set to the current ends before it joins, so nothing
   * published after this call is missed.
   */
  static async start(kafka: Kafka, topics: string | readonly string[], options: { startAt?: 'beginning' | 'end' } = {}): Promise<KafkaTestCollector> {
    const groupId = uniqueName('test-collector');
    const topicList = typeof topics === 'string' ? [topics] : [...topics];
    if (options.startAt === 'end') await startGroupAtEnd(kafka, groupId, topicList);
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
    const collector = new KafkaTestCollector(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: topicList, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = (Array.isArray(value) ? value[0] : value).toString();
        }
        collector.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
      },
    });
    return collector;
  }

  /** The first message matching `predicate` (already received or still to come). */
  async waitFor(predicate: (message: CollectedMessage) => boolean, options: CollectorWaitOptions): Promise<CollectedMessage> {
    return waitFor(() => this.messages.find(predicate), { timeoutMs: options.timeoutMs, message: options.message });
  }

  /** At least `count` messages matching `predicate`. */
  async waitForCount(predicate: (message: CollectedMessage) => boolean, count: number, options: CollectorWaitOptions): Promise<CollectedMessage[]> {
    return waitFor(
      () => {
        const matching = this.messages.filter(predicate);
        return matching.length >= count ? matching : undefined;
      },
      { timeoutMs: options.timeoutMs, message: `${options.message} (${count} expected, ${this.messages.filter(predicate).length} so far)` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
