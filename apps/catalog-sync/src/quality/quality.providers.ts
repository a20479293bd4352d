import type { Provider } from '@nestjs/common';
import { RecordQualityFacts } from '@supply-hub/catalog-application';
import { MongoQualityStore } from '@supply-hub/catalog-data-access';
import type { Db } from 'mongodb';
import { CATALOG_DB } from '../sync/sync.tokens';

export const qualityProviders: Provider[] = [
  {
    provide: MongoQualityStore,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const store = new MongoQualityStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  { provide: RecordQualityFacts, inject: [MongoQualityStore], useFactory: (store: MongoQualityStore) => new RecordQualityFacts(store) },
];
