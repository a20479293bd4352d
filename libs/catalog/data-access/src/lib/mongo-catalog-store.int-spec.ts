import type { StoredProduct } from '@supply-hub/catalog-domain';
import { offerSummary, productState } from '@supply-hub/catalog-domain/testing';
import { integrationEnv, uniqueName } from '@supply-hub/testing';
import { type Db, MongoClient } from 'mongodb';
import { MongoCatalogStore } from './mongo-catalog-store';

const at = new Date('2026-11-24T09:00:00Z');

function product(skuId: string, version: number, pageKey: string, stock: number): StoredProduct {
  const state = productState({ skuId, matchKey: skuId, stock, offers: [offerSummary({ stock })] });
  return { state, version, contentHash: `${skuId}:${stock}`, lastPageKey: pageKey, createdAt: at, updatedAt: at };
}

describe('MongoCatalogStore.replaceProducts on FerretDB', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoCatalogStore;

  beforeAll(async () => {
    client = await MongoClient.connect(integrationEnv().mongoUrl);
    db = client.db(uniqueName('int_catalog_store'));
    store = new MongoCatalogStore(db);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('replaces every product still at its expected version in one batch', async () => {
    await store.insertProducts([product('sku-a', 1, 'job-1:1', 5), product('sku-b', 1, 'job-1:1', 7)]);

    const lost = await store.replaceProducts([
      { product: product('sku-a', 2, 'job-2:1', 4), expectedVersion: 1 },
      { product: product('sku-b', 2, 'job-2:1', 6), expectedVersion: 1 },
    ]);

    expect(lost).toEqual([]);
    const stored = await store.readProducts(['sku-a', 'sku-b']);
    expect(stored.get('sku-a')).toMatchObject({ version: 2, lastPageKey: 'job-2:1', state: { stock: 4 } });
    expect(stored.get('sku-b')).toMatchObject({ version: 2, lastPageKey: 'job-2:1', state: { stock: 6 } });
  });

  it('names the products another writer changed first, writes nothing to them, and still writes the rest', async () => {
    await store.insertProducts([product('sku-c', 1, 'job-1:1', 5), product('sku-d', 1, 'job-1:1', 7), product('sku-e', 1, 'job-1:1', 9)]);
    // Another writer got to sku-d first; its write happens to reach the same version number.
    expect(await store.replaceProduct(product('sku-d', 2, 'curation:1', 0), 1)).toBe(true);

    const lost = await store.replaceProducts([
      { product: product('sku-c', 2, 'job-2:1', 4), expectedVersion: 1 },
      { product: product('sku-d', 2, 'job-2:1', 6), expectedVersion: 1 },
      { product: product('sku-e', 2, 'job-2:1', 8), expectedVersion: 1 },
      { product: product('sku-missing', 2, 'job-2:1', 1), expectedVersion: 1 },
    ]);

    expect(lost.sort()).toEqual(['sku-d', 'sku-missing']);
    const stored = await store.readProducts(['sku-c', 'sku-d', 'sku-e', 'sku-missing']);
    expect(stored.get('sku-c')).toMatchObject({ version: 2, state: { stock: 4 } });
    expect(stored.get('sku-d')).toMatchObject({ version: 2, lastPageKey: 'curation:1', state: { stock: 0 } });
    expect(stored.get('sku-e')).toMatchObject({ version: 2, state: { stock: 8 } });
    expect(stored.has('sku-missing')).toBe(false);
  });
});
