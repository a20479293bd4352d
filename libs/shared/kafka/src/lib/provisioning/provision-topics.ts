import { deadLetterTopicOf } from '@supply-hub/contracts';
import type { Kafka } from 'kafkajs';
import { type EventLogger, stderrLogger } from '../client/event-logger';

export interface ProvisionTopicsOptions {
  /** KAFKA_TOPIC_PARTITIONS: enough for consumers to scale out; the key keeps an aggregate on one. */
  partitions: number;
  /** Default: the broker's default.replication.factor. */
  replicationFactor?: number;
  logger?: EventLogger;
}

/** The topics and their dead-letter topics, each once. */
export function withDeadLetterTopics(topics: readonly string[]): string[] {
  return [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))];
}

/**
 * Creates the topics (and their dead-letter topics) that do not exist yet. Existing topics are left as
 * they are, even with another partition count: changing it would move keys to other partitions and
 * break per-aggregate ordering, which is a decision for a person, not for a start-up hook.
 * Safe when several instances start at once: "already exists" is not an error.
 */
export async function provisionTopics(kafka: Kafka, topics: readonly string[], options: ProvisionTopicsOptions): Promise<string[]> {
  const logger = options.logger ?? stderrLogger();
  const wanted = withDeadLetterTopics(topics);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: options.partitions, replicationFactor: options.replicationFactor ?? -1 })),
      });
      logger.info('created Kafka topics', { topics: missing, partitions: options.partitions });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
