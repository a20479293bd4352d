import type { SkuUpsertedData } from '@supply-hub/contracts';
import type { SellableSku, SellableSkuChange, SellableSkuStore } from '@supply-hub/orders-domain';
import { RecordCatalogSku } from './record-catalog-sku.use-case';

/** The store's contract in memory: apply only when newer. */
class InMemorySellableSkus implements SellableSkuStore {
  readonly rows = new Map<string, SellableSku>();

  async applyIfNewer(skuId: string, version: number, change: SellableSkuChange, at: Date): Promise<boolean> {
    const current = this.rows.get(skuId);
    if (current && current.version >= version) return false;
    this.rows.set(skuId, {
      ...current,
      ...change,
      skuId,
      version,
      updatedAt: at,
    });
    return true;
  }

  async get(skuId: string): Promise<SellableSku | null> {
    return this.rows.get(skuId) ?? null;
  }
}

const sku = (version: number, overrides: Partial<SkuUpsertedData> = {}): SkuUpsertedData => ({
  skuId: 'sku-1',
  title: '九阳破壁机 L18-P132',
  brand: '九阳',
  categoryFamily: 'physical',
  contractPriceFen: 39900,
  supplyPriceFen: 39900,
  marketPriceFen: 59900,
  stock: 12,
  sellable: true,
  version,
  ...overrides,
});

describe('RecordCatalogSku', () => {
  const at = new Date('2026-11-23T08:00:00Z');
  let store: InMemorySellableSkus;
  let record: RecordCatalogSku;

  beforeEach(() => {
    store = new InMemorySellableSkus();
    record = new RecordCatalogSku(store, () => at);
  });

  it('stores the upserted state', async () => {
    expect(await record.upserted(sku(1))).toBe('applied');
    expect(await store.get('sku-1')).toEqual({
      ...sku(1),
      delistedReason: null,
      updatedAt: at,
    });
  });

  it('ignores a redelivered or older version', async () => {
    await record.upserted(sku(2, { stock: 5 }));
    expect(await record.upserted(sku(2, { stock: 99 }))).toBe('stale');
    expect(await record.upserted(sku(1, { stock: 42 }))).toBe('stale');
    expect((await store.get('sku-1'))?.stock).toBe(5);
  });

  it('makes a delisted SKU unsellable and keeps what it knew of it', async () => {
    await record.upserted(sku(1));
    expect(
      await record.delisted({
        skuId: 'sku-1',
        version: 2,
        reason: '质检不合格',
      }),
    ).toBe('applied');
    expect(await store.get('sku-1')).toMatchObject({
      title: '九阳破壁机 L18-P132',
      sellable: false,
      delistedReason: '质检不合格',
      version: 2,
    });
  });

  it('does not let a late upsert undo a newer delisting', async () => {
    await record.delisted({
      skuId: 'sku-1',
      version: 3,
      reason: 'supplier stopped the product',
    });
    expect(await record.upserted(sku(2))).toBe('stale');
    expect(await store.get('sku-1')).toMatchObject({
      sellable: false,
      version: 3,
    });
  });

  it('relists a SKU when a newer upsert follows its delisting', async () => {
    await record.delisted({
      skuId: 'sku-1',
      version: 3,
      reason: 'out of season',
    });
    await record.upserted(sku(4));
    expect(await store.get('sku-1')).toMatchObject({
      sellable: true,
      delistedReason: null,
      version: 4,
    });
  });
});

describe('RecordCatalogSku with price and stock events', () => {
  it('keeps the state of a price-changed event, not its previous prices', async () => {
    const store = new InMemorySellableSkus();
    const record = new RecordCatalogSku(store, () => new Date('2026-11-23T08:00:00Z'));
    await record.upserted({ ...sku(1), previousContractPriceFen: 1, previousMarketPriceFen: 2 } as SkuUpsertedData);
    expect(await store.get('sku-1')).not.toHaveProperty('previousContractPriceFen');
    expect((await store.get('sku-1'))?.contractPriceFen).toBe(39900);
  });
});
