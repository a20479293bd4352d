import type { ProductDocument } from '@supply-hub/catalog-data-access';
import type { ProductState } from '@supply-hub/catalog-domain';
import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { startTestService, type TestService, type TestServiceOptions } from '@supply-hub/platform/testing';
import { AppModule } from '../src/app.module';
import { catalogSyncEnv } from '../src/config/catalog-sync-env';

/** catalog-sync on the run's Kafka and FerretDB, with its Kafka consumers, as the specs here start it. */
export function startCatalogSync(options: Pick<TestServiceOptions<typeof catalogSyncEnv>, 'env' | 'keepDatabase'> = {}): Promise<TestService> {
  return startTestService({ name: 'catalog-sync', envSchema: catalogSyncEnv, module: AppModule, transport: (app) => app.get(KafkaEventsStrategy), ...options });
}

/** A sellable product as a sync would have stored it (one listed offer in stock), for tests that need a catalog. */
export function productDocument(id: string, fields: { title: string; brand: string; subcategory: string; sourceId: string }): ProductDocument {
  const { title, brand, subcategory, sourceId } = fields;
  const now = new Date();
  const state: ProductState = {
    skuId: id,
    matchKey: `e2e:${id}`,
    title,
    brand,
    categoryFamily: 'physical',
    subcategory,
    specs: [],
    images: [],
    contractPriceFen: 29_900,
    marketPriceFen: 39_900,
    supplyPriceFen: 28_000,
    stock: 10,
    sellable: true,
    bestOfferId: `${sourceId}:${id}`,
    offers: [
      {
        offerId: `${sourceId}:${id}`,
        sourceId,
        externalId: id,
        supplyPriceFen: 28_000,
        marketPriceFen: 39_900,
        stock: 10,
        status: 'listed',
        qualityScore: 50,
        dispatchSlaHours: 48,
      },
    ],
    delistedReason: null,
  };
  return { _id: id, state, version: 1, contentHash: id, lastPageKey: 'e2e:1', createdAt: now, updatedAt: now };
}
