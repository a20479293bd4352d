import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KafkaEventPublisher } from '../lib/publishing/kafka-event-publisher';
import { OutboxRelay } from '../lib/outbox/outbox-relay';
import { KafkaHealth } from './kafka-health.service';
import type { KafkaModuleOptions } from './kafka-module-options';
import { KAFKA_MODULE_OPTIONS } from './kafka.constants';

/**
 * Start and graceful stop, in the order Nest closes a hybrid app: shutdown hooks "before" (the relay
 * flushes while MongoDB and Kafka are still connected), then the microservice closes (the consumer
 * finishes its message, commits, leaves the group; its dead letters still need the publisher), then
 * the "on" hooks (the publisher and the health client disconnect).
 */
@Injectable()
export class KafkaLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
    private readonly relay: OutboxRelay,
    private readonly publisher: KafkaEventPublisher,
    private readonly health: KafkaHealth,
  ) {}

  onApplicationBootstrap(): void {
    if ((this.options.outboxCollections ?? []).length > 0) this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.flush(this.options.outboxRelay?.flushTimeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    await this.health.close();
  }
}
