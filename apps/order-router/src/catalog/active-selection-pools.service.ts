import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SelectionPoolChanged } from '@supply-hub/contracts';
import { KafkaEventPublisher, onEvent } from '@supply-hub/kafka';
import { KAFKA_CLIENT } from '@supply-hub/kafka/nest';
import { RefreshSelectionPools } from '@supply-hub/orders-application';
import { InjectServiceConfig } from '@supply-hub/platform';
import { ActiveSelectionPools } from '@supply-hub/selection-pools';
import type { Kafka } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import type { OrderRouterEnv } from '../config/order-router-env';
import { EveryInstanceCopy } from './every-instance-copy';

/** Makes every instance's copy of the malls' selection pools current (EveryInstanceCopy); the newer version wins. */
@Injectable()
export class ActiveSelectionPoolsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly copy: EveryInstanceCopy;

  constructor(
    readonly pools: ActiveSelectionPools,
    refresh: RefreshSelectionPools,
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    publisher: KafkaEventPublisher,
    logger: Logger,
    @InjectServiceConfig() config: OrderRouterEnv,
  ) {
    this.copy = new EveryInstanceCopy(kafka, publisher, logger, {
      name: 'selection-pools',
      handlers: [onEvent(SelectionPoolChanged, async (event) => void pools.apply(event.data))],
      refresh: async () => `${(await refresh.execute()).pools} malls' pools`,
      reloadIntervalMs: config.POOL_RELOAD_INTERVAL_MS,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.copy.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.copy.stop();
  }
}
