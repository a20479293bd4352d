import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { ActiveBlacklist } from '@supply-hub/blacklist';
import { driverDbOf, repositoryProvider } from '@supply-hub/mongo';
import {
  RecordBlacklistChange,
  RecordCatalogSku,
  RecordSelectionPoolChange,
  RefreshActiveBlacklist,
  RefreshSelectionPools,
} from '@supply-hub/orders-application';
import { SELLABLE_SKU_STORE, type SellableSkuStore } from '@supply-hub/orders-domain';
import { MongoBlacklistCopyStore, MongoSelectionPoolCopyStore, SELLABLE_SKU_MODEL, SellableSkuRepository } from '@supply-hub/orders-data-access';
import { ActiveSelectionPools } from '@supply-hub/selection-pools';
import type { Connection } from 'mongoose';
import { ActiveBlacklistService } from './active-blacklist.service';
import { ActiveSelectionPoolsService } from './active-selection-pools.service';
import { BlacklistEventsConsumer } from './blacklist-events.consumer';
import { CatalogEventsConsumer } from './catalog-events.consumer';
import { SelectionPoolEventsConsumer } from './selection-pool-events.consumer';

/** order-router's copy of the sellable catalog, the quality blacklist and the malls' selection pools, kept from catalog-sync's events. */
@Module({
  controllers: [CatalogEventsConsumer, BlacklistEventsConsumer, SelectionPoolEventsConsumer],
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
      useFactory: (connection: Connection) => new MongoBlacklistCopyStore(driverDbOf(connection)),
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
    // Likewise one per instance: the pools order intake checks a mall's lines against.
    { provide: ActiveSelectionPools, useFactory: () => new ActiveSelectionPools() },
    {
      provide: MongoSelectionPoolCopyStore,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => new MongoSelectionPoolCopyStore(driverDbOf(connection)),
    },
    {
      provide: RecordSelectionPoolChange,
      inject: [MongoSelectionPoolCopyStore, ActiveSelectionPools],
      useFactory: (store: MongoSelectionPoolCopyStore, active: ActiveSelectionPools) => new RecordSelectionPoolChange(store, active),
    },
    {
      provide: RefreshSelectionPools,
      inject: [MongoSelectionPoolCopyStore, ActiveSelectionPools],
      useFactory: (store: MongoSelectionPoolCopyStore, active: ActiveSelectionPools) => new RefreshSelectionPools(store, active),
    },
    ActiveSelectionPoolsService,
  ],
  exports: [SELLABLE_SKU_STORE, SellableSkuRepository, ActiveBlacklist, ActiveSelectionPools],
})
export class CatalogReadModelModule {}
