import { type DynamicModule, type FactoryProvider, Module, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { EVENT_REGISTRY } from '@supply-hub/contracts';
import { MongoOutboxStore, MongoProcessedEventLedger } from '@supply-hub/mongo';
import { Kafka } from 'kafkajs';
import { Connection } from 'mongoose';
import { createKafkaClient } from '../lib/client/kafka-client';
import type { ProcessedEventLedger } from '../lib/consuming/processed-event-ledger';
import { OutboxRelay } from '../lib/outbox/outbox-relay';
import { provisionTopics } from '../lib/provisioning/provision-topics';
import { KafkaEventPublisher } from '../lib/publishing/kafka-event-publisher';
import { KafkaEventsStrategy } from './kafka-events.strategy';
import { KafkaHealth } from './kafka-health.service';
import { KafkaLifecycle } from './kafka-lifecycle.service';
import type { KafkaModuleOptions } from './kafka-module-options';
import { KAFKA_CLIENT, KAFKA_MODULE_OPTIONS, PROCESSED_EVENT_LEDGER, PROVISIONED_TOPICS } from './kafka.constants';
import { nestEventLogger } from './nest-event-logger';

/**
 * Kafka for a supply-hub service: the publisher, the processed-event ledger and the outbox relay (both
 * on the default Mongoose connection, which MongoModule provides), topic provisioning at start-up, the
 * consumer strategy for `app.connectMicroservice({ strategy: app.get(KafkaEventsStrategy) })` and
 * KafkaHealth for /health. Start-up fails while Kafka or MongoDB cannot be reached.
 */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return KafkaModule.forRootAsync({ useFactory: () => options });
  }

  /** Options from the container, e.g. `{ inject: [SERVICE_CONFIG], useFactory: (config) => kafkaOptionsFor(...) }`. */
  static forRootAsync(options: Pick<FactoryProvider<KafkaModuleOptions>, 'useFactory' | 'inject'>): DynamicModule {
    const logger = nestEventLogger('Kafka');
    const providers: Provider[] = [
      { provide: KAFKA_MODULE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
      {
        provide: KAFKA_CLIENT,
        inject: [KAFKA_MODULE_OPTIONS],
        useFactory: (settings: KafkaModuleOptions) => createKafkaClient({ clientId: settings.clientId, brokers: settings.brokers, logger }),
      },
      {
        provide: PROVISIONED_TOPICS,
        inject: [KAFKA_CLIENT, KAFKA_MODULE_OPTIONS],
        useFactory: (kafka: Kafka, settings: KafkaModuleOptions) =>
          provisionTopics(kafka, settings.topics ?? EVENT_REGISTRY.topicNames(), { partitions: settings.partitions, logger }),
      },
      {
        // Depends on PROVISIONED_TOPICS so that nothing is published before the topics exist.
        provide: KafkaEventPublisher,
        inject: [KAFKA_CLIENT, PROVISIONED_TOPICS],
        useFactory: async (kafka: Kafka) => {
          const publisher = new KafkaEventPublisher(kafka);
          await publisher.connect();
          return publisher;
        },
      },
      {
        provide: PROCESSED_EVENT_LEDGER,
        inject: [getConnectionToken(), KAFKA_MODULE_OPTIONS],
        useFactory: async (connection: Connection, settings: KafkaModuleOptions): Promise<ProcessedEventLedger> => {
          const ledger = new MongoProcessedEventLedger(databaseOf(connection), settings.ledgerCollection);
          await ledger.ensureIndexes();
          return ledger;
        },
      },
      {
        // Services write through it (insertOne / updateOne with events) so that the relay finds their outboxes.
        provide: MongoOutboxStore,
        inject: [getConnectionToken(), KAFKA_MODULE_OPTIONS],
        useFactory: async (connection: Connection, settings: KafkaModuleOptions) => {
          const store = new MongoOutboxStore(databaseOf(connection), settings.outboxCollections ?? [], {
            fullScanIntervalMs: settings.outboxRelay?.fullScanIntervalMs,
          });
          await store.ensureIndexes();
          return store;
        },
      },
      {
        provide: OutboxRelay,
        inject: [MongoOutboxStore, KafkaEventPublisher, KAFKA_MODULE_OPTIONS],
        useFactory: (store: MongoOutboxStore, publisher: KafkaEventPublisher, settings: KafkaModuleOptions) => {
          const relay = new OutboxRelay(store, publisher, { ...settings.outboxRelay, logger: nestEventLogger('OutboxRelay') });
          // This process's writes leave at once; the interval stays for other processes' writes.
          store.onEventsWritten = () => relay.poke();
          return relay;
        },
      },
      {
        provide: KafkaHealth,
        inject: [KAFKA_CLIENT, KAFKA_MODULE_OPTIONS],
        useFactory: (kafka: Kafka, settings: KafkaModuleOptions) => new KafkaHealth(kafka, settings.healthTimeoutMs ?? 2_000),
      },
      {
        // Through the publisher it also waits for PROVISIONED_TOPICS: consumers subscribe to existing topics.
        provide: KafkaEventsStrategy,
        inject: [KAFKA_CLIENT, PROCESSED_EVENT_LEDGER, KafkaEventPublisher, KAFKA_MODULE_OPTIONS],
        useFactory: (kafka: Kafka, ledger: ProcessedEventLedger, publisher: KafkaEventPublisher, settings: KafkaModuleOptions) =>
          new KafkaEventsStrategy({ kafka, ledger, deadLetters: publisher, options: settings, logger: nestEventLogger('KafkaConsumer') }),
      },
      KafkaLifecycle,
    ];
    return {
      module: KafkaModule,
      global: true,
      providers,
      exports: [KAFKA_CLIENT, KafkaEventPublisher, PROCESSED_EVENT_LEDGER, MongoOutboxStore, OutboxRelay, KafkaHealth, KafkaEventsStrategy],
    };
  }
}

function databaseOf(connection: Connection) {
  if (connection.db === undefined) throw new Error('the Mongoose connection is not open: import MongoModule before KafkaModule');
  return connection.db;
}
