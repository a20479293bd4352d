import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { ActiveBlacklist } from '@supply-hub/blacklist';
import { repositoryProvider } from '@supply-hub/mongo';
import { RecordBlacklistChange, RecordCatalogSku, RefreshActiveBlacklist } from '@supply-hub/orders-application';
import { SELLABLE_SKU_STORE, type SellableSkuStore } from '@supply-hub/orders-domain';
import { MongoBlacklistCopyStore, SELLABLE_SKU_MODEL, SellableSkuRepository } from '@supply-hub/orders-data-access';
import type { Connection } from 'mongoose';
import { ActiveBlacklistService } from './active-blacklist.service';
import { BlacklistEventsConsumer } from './blacklist-events.consumer';
import { CatalogEventsConsumer } from './catalog-events.consumer';

/** order-router's copy of the sellable catalog and of the quality blacklist, kept from catalog-sync's events. */
@Module({
  controllers: [CatalogEventsConsumer, BlacklistEventsConsumer],
  providers: [
    repositoryProvider(SellableSkuRepository, SELLABLE_SKU_MODEL),
    { provide: SELLABLE_SKU_STORE, useExisting: SellableSkuRepository },
    {
      provide: RecordCatalogSku,
      inject: [SELLABLE_SKU_STORE],
      useFactory: (store: SellableSkuStore) => new RecordCatalogSku(store),
    },
    // One per instance: what order intake asks, fed by the events and the collection below.
    { provide: ActiveBlacklist, useFactory: () => new ActiveBlacklist() },
    {
      provide: MongoBlacklistCopyStore,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => {
        if (!connection.db) throw new Error('the MongoDB connection is not open');
        return new MongoBlacklistCopyStore(connection.db);
      },
    },
    {
      provide: RecordBlacklistChange,
      inject: [MongoBlacklistCopyStore, ActiveBlacklist],
      useFactory: (store: MongoBlacklistCopyStore, active: ActiveBlacklist) => new RecordBlacklistChange(store, active),
    },
    {
      provide: RefreshActiveBlacklist,
      inject: [MongoBlacklistCopyStore, ActiveBlacklist],
      useFactory: (store: MongoBlacklistCopyStore, active: ActiveBlacklist) => new RefreshActiveBlacklist(store, active),
    },
    ActiveBlacklistService,
  ],
  exports: [SELLABLE_SKU_STORE, SellableSkuRepository, ActiveBlacklist],
})
export class CatalogReadModelModule {}
