import type { Provider } from '@nestjs/common';
import { CreateBlacklistEntry, ExpireBlacklistEntries, RemoveBlacklistEntry } from '@supply-hub/catalog-application';
import { MongoBlacklistStore, MongoCatalogStore } from '@supply-hub/catalog-data-access';
import { MongoOutboxStore } from '@supply-hub/mongo';
import type { Db } from 'mongodb';
import { CATALOG_DB } from '../sync/sync.tokens';

export const blacklistProviders: Provider[] = [
  {
    provide: MongoBlacklistStore,
    inject: [CATALOG_DB, MongoOutboxStore],
    useFactory: async (db: Db, outbox: MongoOutboxStore) => {
      const store = new MongoBlacklistStore(db, outbox);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: CreateBlacklistEntry,
    inject: [MongoBlacklistStore, MongoCatalogStore],
    useFactory: (store: MongoBlacklistStore, catalog: MongoCatalogStore) =>
      // An `_id` lookup, the one query FerretDB serves from an index: never a scan of the products.
      new CreateBlacklistEntry(store, async (skuId) => (await catalog.products.findOne({ _id: skuId }, { projection: { _id: 1 } })) !== null),
  },
  { provide: RemoveBlacklistEntry, inject: [MongoBlacklistStore], useFactory: (store: MongoBlacklistStore) => new RemoveBlacklistEntry(store) },
  { provide: ExpireBlacklistEntries, inject: [MongoBlacklistStore], useFactory: (store: MongoBlacklistStore) => new ExpireBlacklistEntries(store) },
];
