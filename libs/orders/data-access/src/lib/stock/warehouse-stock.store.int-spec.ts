import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { WarehouseStockStore } from './warehouse-stock.store';

const AT = new Date('2026-11-24T08:00:00Z');

describe('WarehouseStockStore.reserveAll on FerretDB', () => {
  let database: TestDatabase;
  let stock: WarehouseStockStore;

  beforeAll(async () => {
    database = await createTestDatabase('int_warehouse_stock');
  });
  afterAll(() => database?.drop());

  beforeEach(async () => {
    await database.db.dropDatabase();
    stock = new WarehouseStockStore(database.db);
    await stock.ensureIndexes();
    await stock.setOnHand('wh-a', 'sku-1', 5, 'count', AT);
    await stock.setOnHand('wh-b', 'sku-2', 3, 'count', AT);
  });

  const reservations = () => database.db.collection('stock_movements').find({ kind: 'reserve' }).toArray();

  it('takes every hold in one call, and a repeated call takes nothing more nor records a second movement', async () => {
    const holds = [
      { warehouseId: 'wh-a', skuId: 'sku-1', quantity: 2, holdId: 'h-1' },
      { warehouseId: 'wh-b', skuId: 'sku-2', quantity: 2, holdId: 'h-2' },
    ];
    expect(await stock.reserveAll(holds, AT)).toEqual([true, true]);
    expect(await stock.reserveAll(holds, AT)).toEqual([true, true]);

    expect(await stock.get('wh-a', 'sku-1')).toMatchObject({ onHand: 5, reserved: 2, available: 3, holds: ['h-1'] });
    expect(await stock.get('wh-b', 'sku-2')).toMatchObject({ onHand: 3, reserved: 2, available: 1, holds: ['h-2'] });
    expect((await reservations()).map((movement) => [movement['ref'], movement['quantity']]).sort()).toEqual([
      ['h-1', 2],
      ['h-2', 2],
    ]);
  });

  it('says which holds stand when some rows are short, taking nothing from those', async () => {
    const placed = await stock.reserveAll(
      [
        { warehouseId: 'wh-a', skuId: 'sku-1', quantity: 4, holdId: 'h-3' },
        { warehouseId: 'wh-b', skuId: 'sku-2', quantity: 4, holdId: 'h-4' },
        { warehouseId: 'wh-c', skuId: 'sku-9', quantity: 1, holdId: 'h-5' },
      ],
      AT,
    );
    expect(placed).toEqual([true, false, false]);
    expect(await stock.get('wh-b', 'sku-2')).toMatchObject({ reserved: 0, available: 3, holds: [] });
    expect((await reservations()).map((movement) => movement['ref'])).toEqual(['h-3']);
  });

  it('never promises a unit twice to concurrent callers', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, n) => stock.reserveAll([{ warehouseId: 'wh-a', skuId: 'sku-1', quantity: 1, holdId: `c-${n}` }], AT)),
    );
    expect(outcomes.flat().filter(Boolean)).toHaveLength(5);
    expect(await stock.get('wh-a', 'sku-1')).toMatchObject({ reserved: 5, available: 0 });
    expect(await reservations()).toHaveLength(5);
  });
});
