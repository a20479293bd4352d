import type { RetryPolicy } from '../lib/consuming/retry-policy';

export interface KafkaModuleOptions {
  clientId: string;
  brokers: readonly string[];
  /** The consumer group of this service's @OnEvent handlers (one per service). */
  groupId: string;
  /** Partitions of the topics this service creates (KAFKA_TOPIC_PARTITIONS). */
  partitions: number;
  /** Topics created at start-up, each with its dead-letter topic. Default: every topic in EVENT_REGISTRY. */
  topics?: readonly string[];
  /** Collections whose documents carry an outbox; the outbox relay runs when there is at least one. */
  outboxCollections?: readonly string[];
  outboxRelay?: {
    intervalMs?: number;
    /** OUTBOX_RELAY_START_DELAY_MS. */
    startDelayMs?: number;
    batchSize?: number;
    /** How long a graceful shutdown keeps relaying. */
    flushTimeoutMs?: number;
    /** How often the relay also scans the outbox collections: how it finds what a crashed process wrote and did not relay (60 s). */
    fullScanIntervalMs?: number;
  };
  retryPolicy?: Partial<RetryPolicy>;
  consumer?: {
    sessionTimeoutMs?: number;
    heartbeatIntervalMs?: number;
    fromBeginning?: boolean;
    partitionsConsumedConcurrently?: number;
  };
  /** Collection of the processed-event ledger in the service's database. */
  ledgerCollection?: string;
  /** How long KafkaHealth.check() waits for the broker. */
  healthTimeoutMs?: number;
}

/** The settings of serviceEnvSchema that Kafka reads. */
export interface KafkaServiceEnv {
  KAFKA_BROKERS: readonly string[];
  KAFKA_CONSUMER_GROUP?: string;
  KAFKA_TOPIC_PARTITIONS: number;
  OUTBOX_RELAY_INTERVAL_MS: number;
  OUTBOX_RELAY_START_DELAY_MS: number;
}

/**
 * A service's Kafka options from its validated env: client id and consumer group are the service name
 * (one group per service, so its instances split the partitions; KAFKA_CONSUMER_GROUP overrides the
 * group), the rest from the env settings.
 */
export function kafkaOptionsFor(service: string, env: KafkaServiceEnv, extra: Partial<KafkaModuleOptions> = {}): KafkaModuleOptions {
  return {
    clientId: service,
    groupId: env.KAFKA_CONSUMER_GROUP ?? service,
    brokers: env.KAFKA_BROKERS,
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    ...extra,
    outboxRelay: { intervalMs: env.OUTBOX_RELAY_INTERVAL_MS, startDelayMs: env.OUTBOX_RELAY_START_DELAY_MS, ...extra.outboxRelay },
  };
}
