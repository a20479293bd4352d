import type { Provider } from '@nestjs/common';
import { SaveSelectionPool } from '@supply-hub/catalog-application';
import { MongoCatalogStore, MongoSelectionPoolStore } from '@supply-hub/catalog-data-access';
import { MongoOutboxStore } from '@supply-hub/mongo';
import type { Db } from 'mongodb';
import { PointsBands } from '../catalog/points-bands';
import { CATALOG_DB } from '../sync/sync.tokens';

export const poolsProviders: Provider[] = [
  {
    provide: MongoSelectionPoolStore,
    inject: [CATALOG_DB, MongoOutboxStore],
    useFactory: (db: Db, outbox: MongoOutboxStore) => new MongoSelectionPoolStore(db, outbox),
  },
  {
    provide: SaveSelectionPool,
    inject: [MongoSelectionPoolStore, MongoCatalogStore, PointsBands],
    // Lookups by `_id`, the one query FerretDB serves from an index: never a scan of the products.
    useFactory: (store: MongoSelectionPoolStore, catalog: MongoCatalogStore, bands: PointsBands) =>
      new SaveSelectionPool(store, async (skuIds) => new Set((await catalog.readProducts(skuIds)).keys()), bands.policy),
  },
];
