import { Kafka, logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import { type EventLogger, stderrLogger } from './event-logger';

export interface KafkaConnectionOptions {
  clientId: string;
  brokers: readonly string[];
  logger?: EventLogger;
  /** kafkajs' own chatter below this level is dropped; default warn. */
  kafkaLogLevel?: 'error' | 'warn' | 'info' | 'debug';
  connectionTimeoutMs?: number;
}

const KAFKAJS_LEVELS = { error: KafkaLogLevel.ERROR, warn: KafkaLogLevel.WARN, info: KafkaLogLevel.INFO, debug: KafkaLogLevel.DEBUG } as const;

// kafkajs warns whenever an idempotent producer has bounded retries; KafkaEventPublisher bounds them on
// purpose (see there), so this warning would only teach operators to ignore warnings.
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer may invalidate EoS guarantees'];

/** A kafkajs client whose log lines go to our logger instead of kafkajs' console output. */
export function createKafkaClient(options: KafkaConnectionOptions): Kafka {
  const logger = options.logger ?? stderrLogger();
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    logLevel: KAFKAJS_LEVELS[options.kafkaLogLevel ?? 'warn'],
    logCreator: () => (entry: LogEntry) => {
      const { message, ...fields } = entry.log;
      const line = `kafkajs ${entry.namespace}: ${message}`;
      if (entry.level <= KafkaLogLevel.ERROR) logger.error(line, fields);
      else if (entry.level === KafkaLogLevel.WARN && !EXPECTED_WARNINGS.includes(message)) logger.warn(line, fields);
      else if (entry.level === KafkaLogLevel.INFO) logger.info(line, fields);
      else logger.debug(line, fields);
    },
  });
}
