import type { Provider } from '@nestjs/common';
import { SaveSelectionPool } from '@supply-hub/catalog-application';
import { MongoCatalogStore, MongoSelectionPoolStore } from '@supply-hub/catalog-data-access';
import type { Db } from 'mongodb';
import { CATALOG_DB } from '../sync/sync.tokens';

export const poolsProviders: Provider[] = [
  { provide: MongoSelectionPoolStore, inject: [CATALOG_DB], useFactory: (db: Db) => new MongoSelectionPoolStore(db) },
  {
    provide: SaveSelectionPool,
    inject: [MongoSelectionPoolStore, MongoCatalogStore],
    // Lookups by `_id`, the one query FerretDB serves from an index: never a scan of the products.
    useFactory: (store: MongoSelectionPoolStore, catalog: MongoCatalogStore) =>
      new SaveSelectionPool(store, async (skuIds) => new Set((await catalog.readProducts(skuIds)).keys())),
  },
];
