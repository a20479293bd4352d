import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ActiveBlacklist } from '@supply-hub/blacklist';
import { BlacklistChanged } from '@supply-hub/contracts';
import { KafkaEventPublisher, onEvent } from '@supply-hub/kafka';
import { KAFKA_CLIENT } from '@supply-hub/kafka/nest';
import { RefreshActiveBlacklist } from '@supply-hub/orders-application';
import { InjectServiceConfig } from '@supply-hub/platform';
import type { Kafka } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import type { OrderRouterEnv } from '../config/order-router-env';
import { EveryInstanceCopy } from './every-instance-copy';

/**
 * Makes every instance's blacklist current (EveryInstanceCopy): applying a change twice or out of order
 * changes nothing, as ActiveBlacklist keeps ended entries ended.
 */
@Injectable()
export class ActiveBlacklistService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly copy: EveryInstanceCopy;

  constructor(
    readonly list: ActiveBlacklist,
    refresh: RefreshActiveBlacklist,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    publisher: KafkaEventPublisher,
    logger: Logger,
    @InjectServiceConfig() config: OrderRouterEnv,
  ) {
    this.copy = new EveryInstanceCopy(kafka, publisher, logger, {
      name: 'blacklist',
      handlers: [onEvent(BlacklistChanged, async (event) => list.apply(event.data))],
      refresh: async () => `${(await refresh.execute()).active} active entries`,
      reloadIntervalMs: config.BLACKLIST_RELOAD_INTERVAL_MS,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.copy.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.copy.stop();
  }
}
