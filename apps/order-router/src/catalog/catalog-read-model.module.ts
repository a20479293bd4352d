import { Module } from '@nestjs/common';
import { repositoryProvider } from '@supply-hub/mongo';
import { RecordCatalogSku } from '@supply-hub/orders-application';
import { SELLABLE_SKU_STORE, type SellableSkuStore } from '@supply-hub/orders-domain';
import { SELLABLE_SKU_MODEL, SellableSkuRepository } from '@supply-hub/orders-data-access';
import { CatalogEventsConsumer } from './catalog-events.consumer';

/** order-router's copy of the sellable catalog, kept from catalog-sync's events. */
@Module({
  controllers: [CatalogEventsConsumer],
  providers: [
    repositoryProvider(SellableSkuRepository, SELLABLE_SKU_MODEL),
    { provide: SELLABLE_SKU_STORE, useExisting: SellableSkuRepository },
    {
      provide: RecordCatalogSku,
      inject: [SELLABLE_SKU_STORE],
      useFactory: (store: SellableSkuStore) => new RecordCatalogSku(store),
    },
  ],
  exports: [SELLABLE_SKU_STORE, SellableSkuRepository],
})
export class CatalogReadModelModule {}
