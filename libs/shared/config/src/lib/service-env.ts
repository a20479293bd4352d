import { z } from 'zod';
import { envTypes } from './env-types';

export interface ServiceDefaults {
  port: number;
  database: string;
}

/**
 * The settings every supply-hub service reads. Each service extends this with its own keys; the names
 * are the ones README.md and docker-compose.yml document.
 */
export function serviceEnvSchema(defaults: ServiceDefaults) {
  return z.object({
    PORT: envTypes.port(defaults.port),
    /** Loopback by default: the local stack is for this machine; containers set 0.0.0.0. */
    HOST: z.string().default('127.0.0.1'),
    KAFKA_BROKERS: envTypes.brokers(),
    MONGO_URL: envTypes.mongoUrl(),
    MONGO_DB: envTypes.databaseName(defaults.database),
    LOG_LEVEL: envTypes.logLevel(),
    /** HS256 key for staff bearer tokens; shared by the services and the CLI that issues tokens. */
    STAFF_TOKEN_SECRET: envTypes.secret(32),
    /** The service's Kafka consumer group; defaults to the service name (tests give each run its own). */
    KAFKA_CONSUMER_GROUP: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be a Kafka group id (letters, digits, ".", "_" and "-")').optional(),
    KAFKA_TOPIC_PARTITIONS: envTypes.integer({ min: 1, max: 256, fallback: 6 }),
    OUTBOX_RELAY_INTERVAL_MS: envTypes.integer({ min: 10, max: 60_000, fallback: 200 }),
    /** Delays the first outbox relay pass; only the crash-recovery test sets it. */
    OUTBOX_RELAY_START_DELAY_MS: envTypes.integer({ min: 0, max: 3_600_000, fallback: 0 }),
  });
}

export type ServiceEnv = z.output<ReturnType<typeof serviceEnvSchema>>;
