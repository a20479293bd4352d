import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ActiveBlacklist } from '@supply-hub/blacklist';
import { BlacklistChanged } from '@supply-hub/contracts';
import { KafkaEventConsumer, KafkaEventPublisher, onEvent, type ProcessedEventLedger } from '@supply-hub/kafka';
import { KAFKA_CLIENT, nestEventLogger } from '@supply-hub/kafka/nest';
import { RefreshActiveBlacklist } from '@supply-hub/orders-application';
import { InjectServiceConfig } from '@supply-hub/platform';
import type { Kafka } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import type { OrderRouterEnv } from '../config/order-router-env';

/** Applying a change twice or out of order changes nothing (ActiveBlacklist keeps ended entries ended): no ledger. */
const NO_LEDGER: ProcessedEventLedger = { isProcessed: async () => false, markProcessed: async () => undefined };

/**
 * Makes every instance's blacklist current, not only the one the service's consumer group hands an
 * event to: each instance also reads the blacklist topic in a group of its own (from the latest offset)
 * into its memory. At start-up the collection is read before the app takes orders, again once that
 * consumer has its partitions (an event published in between is in the collection by then, or arrives
 * through the consumer), and every BLACKLIST_RELOAD_INTERVAL_MS as a safety net.
 */
@Injectable()
export class ActiveBlacklistService implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: KafkaEventConsumer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();

  constructor(
    readonly list: ActiveBlacklist,
    private readonly refresh: RefreshActiveBlacklist,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: KafkaEventPublisher,
    private readonly logger: Logger,
    @InjectServiceConfig() private readonly config: OrderRouterEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new KafkaEventConsumer(this.kafka, {
      groupId: `order-router-blacklist-${hostname()}-${process.pid}-${Date.now().toString(36)}`,
      fromBeginning: false,
      ledger: NO_LEDGER,
      deadLetters: this.publisher,
      logger: nestEventLogger('ActiveBlacklist'),
      handlers: [onEvent(BlacklistChanged, async (event) => this.list.apply(event.data))],
    });
    await this.consumer.start();
    const { active } = await this.refresh.execute();
    this.logger.log(`blacklist loaded: ${active} active entries`);
    void this.refreshOnceAssigned();
    this.timer = setInterval(() => void this.refreshLogged(), this.config.BLACKLIST_RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.timer);
    await this.consumer?.stop();
  }

  private async refreshOnceAssigned(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Object.keys(this.consumer!.assignment()).length === 0 && Date.now() < deadline && !this.stopping.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!this.stopping.signal.aborted) await this.refreshLogged();
  }

  private async refreshLogged(): Promise<void> {
    try {
      await this.refresh.execute();
    } catch (error) {
      this.logger.error({ err: error }, 'blacklist refresh failed; the next one tries again');
    }
  }
}
