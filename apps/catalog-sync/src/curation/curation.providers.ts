import type { Provider } from '@nestjs/common';
import { CurateProducts } from '@supply-hub/catalog-application';
import { MongoCatalogStore, MongoCurationActionStore } from '@supply-hub/catalog-data-access';
import type { Db } from 'mongodb';
import { CATALOG_DB } from '../sync/sync.tokens';

export const curationProviders: Provider[] = [
  {
    provide: MongoCurationActionStore,
    inject: [CATALOG_DB],
    useFactory: async (db: Db) => {
      const store = new MongoCurationActionStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: CurateProducts,
    inject: [MongoCatalogStore, MongoCurationActionStore],
    useFactory: (catalog: MongoCatalogStore, actions: MongoCurationActionStore) => new CurateProducts(catalog, actions),
  },
];
