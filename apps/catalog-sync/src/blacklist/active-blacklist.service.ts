import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ActiveBlacklist, type BlacklistEntryTerms } from '@supply-hub/blacklist';
import { MongoBlacklistStore } from '@supply-hub/catalog-data-access';
import type { BlacklistEntry } from '@supply-hub/catalog-domain';
import { BlacklistChanged, type BlacklistChangedData } from '@supply-hub/contracts';
import { KafkaEventConsumer, KafkaEventPublisher, onEvent, type ProcessedEventLedger } from '@supply-hub/kafka';
import { KAFKA_CLIENT, nestEventLogger } from '@supply-hub/kafka/nest';
import { InjectServiceConfig } from '@supply-hub/platform';
import type { Kafka } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/** Applying a change twice or out of order changes nothing (ActiveBlacklist keeps ended entries ended): no ledger. */
const NO_LEDGER: ProcessedEventLedger = { isProcessed: async () => false, markProcessed: async () => undefined };

/**
 * This instance's copy of the active blacklist entries, which the catalog search and the SKU detail
 * consult on every request. Every instance needs every change, so it reads the blacklist topic in a
 * consumer group of its own (from the latest offset), like the search index; the instance that writes
 * a change applies it at once, before the round trip through Kafka. The store is read at start-up,
 * again once the consumer has its partitions (closing the gap between the two), and then every
 * BLACKLIST_RELOAD_INTERVAL_MS as a safety net.
 */
@Injectable()
export class ActiveBlacklistService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly list = new ActiveBlacklist();
  private consumer: KafkaEventConsumer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: KafkaEventPublisher,
    private readonly store: MongoBlacklistStore,
    private readonly logger: Logger,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new KafkaEventConsumer(this.kafka, {
      groupId: `catalog-blacklist-${hostname()}-${process.pid}-${Date.now().toString(36)}`,
      fromBeginning: false,
      ledger: NO_LEDGER,
      deadLetters: this.publisher,
      logger: nestEventLogger('ActiveBlacklist'),
      handlers: [onEvent(BlacklistChanged, async (event) => this.apply(event.data))],
    });
    await this.consumer.start();
    // Serve nothing unfiltered: the entries stored so far are in memory before the app takes requests.
    await this.reload();
    void this.reloadOnceAssigned();
    this.timer = setInterval(
      () => void this.reload().catch((error: unknown) => this.logger.error({ err: error }, 'blacklist reload failed')),
      this.config.BLACKLIST_RELOAD_INTERVAL_MS,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.timer);
    await this.consumer?.stop();
  }

  apply(change: BlacklistChangedData): void {
    this.list.apply(change);
  }

  /** Brings this instance's entries up to what the store holds (ActiveBlacklist.refreshFrom). */
  async reload(): Promise<void> {
    await this.list.refreshFrom({
      activeEntries: async () => (await this.store.activeEntries()).map(termsOf),
      stateOf: async (entryId) => (await this.store.get(entryId))?.state ?? null,
    });
  }

  private async reloadOnceAssigned(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Object.keys(this.consumer!.assignment()).length === 0 && Date.now() < deadline && !this.stopping.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (this.stopping.signal.aborted) return;
    await this.reload().catch((error: unknown) => this.logger.error({ err: error }, 'blacklist reload failed'));
  }
}

export function termsOf(entry: BlacklistEntry): BlacklistEntryTerms {
  return { entryId: entry.entryId, target: entry.target, reason: entry.reason, ...(entry.expiresAt ? { expiresAt: entry.expiresAt } : {}) };
}
