import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CatalogSearchIndex } from '@supply-hub/catalog-application';
import { MongoCatalogStore } from '@supply-hub/catalog-data-access';
import type { ProductState } from '@supply-hub/catalog-domain';
import { DependencyUnavailableError } from '@supply-hub/errors';
import { SkuDelisted, SkuPriceChanged, SkuStockChanged, SkuUpserted } from '@supply-hub/contracts';
import { KafkaEventConsumer, KafkaEventPublisher, onEvent, type ProcessedEventLedger } from '@supply-hub/kafka';
import { KAFKA_CLIENT, nestEventLogger } from '@supply-hub/kafka/nest';
import type { Kafka } from 'kafkajs';
import { InjectServiceConfig } from '@supply-hub/platform';
import { Logger } from 'nestjs-pino';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/** Versions make every SKU event idempotent for the index, so this consumer keeps no ledger. */
const NO_LEDGER: ProcessedEventLedger = { isProcessed: async () => false, markProcessed: async () => undefined };

/**
 * The catalog search index of this instance: loaded from the products collection at start-up and kept
 * current from the SKU events on Kafka, whichever instance's sync wrote them. The consumer joins first
 * (its own group, from the latest offset), then the products are read, so no change falls between.
 */
@Injectable()
export class CatalogSearchService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly index = new CatalogSearchIndex();
  private consumer: KafkaEventConsumer | undefined;
  private loaded: Promise<void> | undefined;
  private ready = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: KafkaEventPublisher,
    private readonly store: MongoCatalogStore,
    private readonly logger: Logger,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {}

  /** Whether this instance serves the catalog at all (CATALOG_SEARCH_INDEX). */
  get enabled(): boolean {
    return this.config.CATALOG_SEARCH_INDEX;
  }

  get isReady(): boolean {
    return this.ready;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    this.consumer = new KafkaEventConsumer(this.kafka, {
      groupId: `catalog-search-${hostname()}-${process.pid}-${Date.now().toString(36)}`,
      fromBeginning: false,
      ledger: NO_LEDGER,
      deadLetters: this.publisher,
      logger: nestEventLogger('CatalogSearch'),
      handlers: [
        onEvent(SkuUpserted, async (event) => void this.index.applySkuState(event.data, new Date(event.time))),
        onEvent(SkuPriceChanged, async (event) => void this.index.applySkuState(event.data, new Date(event.time))),
        onEvent(SkuStockChanged, async (event) => void this.index.applySkuState(event.data, new Date(event.time))),
        onEvent(SkuDelisted, async (event) => this.index.markUnsellable(event.data.skuId, event.data.version, event.data.curationStatus)),
      ],
    });
    await this.consumer.start();
    this.loaded = this.load();
  }

  /** Refuses (503) a read of the index on a sync worker or before the index is loaded. */
  assertServing(): void {
    if (!this.enabled)
      throw new DependencyUnavailableError('this catalog-sync instance is a sync worker and does not serve the catalog (CATALOG_SEARCH_INDEX=false)');
    if (!this.ready) throw new DependencyUnavailableError('the catalog index is still loading; try again in a few seconds');
  }

  /** Resolves once the index holds every stored product. */
  whenReady(): Promise<void> {
    return this.loaded ?? Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private async load(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Object.keys(this.consumer!.assignment()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    try {
      for await (const product of this.store.products.find({}, { batchSize: 2_000 })) {
        const { state } = product;
        this.index.upsert({
          skuId: state.skuId,
          title: state.title,
          ...(state.brand ? { brand: state.brand } : {}),
          categoryFamily: state.categoryFamily,
          subcategory: state.subcategory,
          contractPriceFen: state.contractPriceFen,
          marketPriceFen: state.marketPriceFen,
          stock: state.stock,
          sellable: state.sellable,
          curationStatus: state.curation?.status ?? 'approved',
          ...(state.images[0] ? { imageUrl: state.images[0] } : {}),
          ...bestOfferSourceOf(state),
          listedAt: product.createdAt,
          version: product.version,
        });
      }
      // Sort orders built now, not by the first request.
      this.index.query({ sort: 'newest', limit: 1 });
      this.ready = true;
      this.logger.log(`catalog search index loaded: ${this.index.size} SKUs in ${Date.now() - started} ms`);
    } catch (error) {
      this.logger.error({ err: error }, 'catalog search index could not be loaded');
      throw error;
    }
  }
}

/** The supplier the SKU is sold from (its best offer's source): what supplier blacklist entries match. */
export function bestOfferSourceOf(state: ProductState): { supplierSourceId?: string } {
  const best = state.offers.find((offer) => offer.offerId === state.bestOfferId);
  return best ? { supplierSourceId: best.sourceId } : {};
}
