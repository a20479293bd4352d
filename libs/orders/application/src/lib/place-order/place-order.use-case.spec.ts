import { ValidationError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import type { OrderRequest, SellableSku } from '@supply-hub/orders-domain';
import { ActiveSelectionPools } from '@supply-hub/selection-pools';
import type { RouteOrder } from '../route-order/route-order.use-case';
import { PlaceOrder } from './place-order.use-case';

const sku = (skuId: string, overrides: Partial<SellableSku> = {}): SellableSku => ({
  skuId,
  version: 1,
  sellable: true,
  title: `SKU ${skuId}`,
  categoryFamily: 'physical',
  subcategory: '厨房电器',
  brand: '九阳',
  contractPriceFen: 29_900,
  updatedAt: new Date(0),
  ...overrides,
});

const catalog = new Map([
  ['sku-in', sku('sku-in')],
  ['sku-out', sku('sku-out', { brand: '美的' })],
  ['sku-dear', sku('sku-dear', { contractPriceFen: 99_900 })],
]);

const request = (...skuIds: string[]): OrderRequest => ({
  mallOrderId: 'M-1',
  lines: skuIds.map((skuId) => ({ skuId, quantity: 1 })),
  recipient: { name: '张三', mobile: '13800138000', province: '内蒙古', city: '呼和浩特', address: '新华大街 1 号' },
});

describe('PlaceOrder with selection pools', () => {
  const setup = () => {
    const stored: OrderDocument[] = [];
    const orders = {
      getAny: async () => null,
      writeIntent: async () => 'intent-1',
      insert: async (order: OrderDocument) => {
        stored.push(order);
        return { created: true, order };
      },
      dropIntent: async () => undefined,
    } as unknown as OrderStore;
    const routing = { execute: async (order: OrderDocument) => order } as unknown as RouteOrder;
    const pools = new ActiveSelectionPools();
    pools.apply({ mallId: 'mall-a', version: 1, brands: ['九阳'], priceRangesFen: [[0, 50_000]], includes: [], excludes: [] });
    const place = new PlaceOrder(
      orders,
      async (ids) => new Map(ids.filter((id) => catalog.has(id)).map((id) => [id, catalog.get(id)!])),
      routing,
      { now: () => new Date('2026-11-20T00:00:00Z') },
      undefined,
      pools,
    );
    return { place, stored };
  };

  it('refuses an order with lines outside the mall’s pool, naming each SKU on its line, and stores nothing', async () => {
    const { place, stored } = setup();
    const refused = await place.execute('mall-a', request('sku-in', 'sku-out', 'sku-dear')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { path: 'lines.1.skuId', message: "SKU sku-out is not in this mall's selection pool" },
      { path: 'lines.2.skuId', message: "SKU sku-dear is not in this mall's selection pool" },
    ]);
    expect(stored).toHaveLength(0);
  });

  it('takes an order inside the pool, and any sellable SKU from a mall without a pool', async () => {
    const { place, stored } = setup();
    await expect(place.execute('mall-a', request('sku-in'))).resolves.toMatchObject({ created: true });
    await expect(place.execute('mall-b', request('sku-out', 'sku-dear'))).resolves.toMatchObject({ created: true });
    expect(stored.map((order) => order.tenantId)).toEqual(['mall-a', 'mall-b']);
  });
});
