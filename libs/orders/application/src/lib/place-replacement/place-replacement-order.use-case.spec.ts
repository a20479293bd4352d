import { OrderAccepted, type OrderAcceptedData, OrderRouted, type OrderRoutedData } from '@supply-hub/contracts';
import { messageDispositionOf, NotFoundError, ValidationError } from '@supply-hub/errors';
import type { OrderDocument } from '@supply-hub/orders-data-access';
import { orderIdFor, type SellableSku } from '@supply-hub/orders-domain';
import { InMemoryIntakeOrders } from '../shared/testing/in-memory-intake-orders';
import { type PlaceReplacementCommand, PlaceReplacementOrder } from './place-replacement-order.use-case';

const NOW = new Date('2026-11-25T08:00:00Z');
const ORIGINAL_ID = 'ord_0123456789abcdef0123';
const CASE_ID = 'cas_00000000000000000001';
const REPLACEMENT_ID = orderIdFor('mall-a', `replacement/${CASE_ID}`);

function originalOrder(overrides: Partial<OrderDocument> = {}): OrderDocument {
  const at = new Date('2026-11-20T02:00:00Z');
  return {
    _id: ORIGINAL_ID,
    tenantId: 'mall-a',
    mallOrderId: 'M-1',
    requestFingerprint: 'f',
    status: 'delivered',
    lines: [
      {
        lineId: 'L1',
        skuId: 'sku-1',
        quantity: 2,
        kind: 'physical',
        categoryFamily: 'physical',
        title: '九阳豆浆机 DJ13B',
        unitPriceFen: 29_900,
        status: 'delivered',
        shipmentId: 'shp_0123456789abcdef0123-1',
      },
    ],
    recipient: {
      name: '李四',
      mobile: '13912345678',
      province: '四川',
      city: '成都市',
      address: '天府大道北段 1700 号',
      cityCode: '510100',
      lat: 30.66,
      lng: 104.07,
    },
    unavailablePolicy: 'backorder',
    reservations: [],
    shipments: [],
    createdAt: at,
    updatedAt: at,
    timeline: [{ at, status: 'accepted' }],
    version: 5,
    ...overrides,
  };
}

const command = (overrides: Partial<PlaceReplacementCommand> = {}): PlaceReplacementCommand => ({
  caseId: CASE_ID,
  orderId: ORIGINAL_ID,
  lineId: 'L1',
  skuId: 'sku-1',
  quantity: 1,
  reason: '外包装破损',
  ...overrides,
});

/** RouteOrder's outcome without stock: the order routed to wh-cd in one guarded write; `failures` calls die first. */
class FakeRouting {
  readonly calls: { orderId: string; status: string; knownSkus: boolean }[] = [];
  failures = 0;

  constructor(private readonly orders: InMemoryIntakeOrders) {}

  async execute(order: OrderDocument, knownSkus?: ReadonlyMap<string, SellableSku>): Promise<OrderDocument> {
    this.calls.push({ orderId: order._id, status: order.status, knownSkus: knownSkus !== undefined });
    if (this.failures-- > 0) throw new Error('router died');
    const lines = order.lines.map((line) => ({ ...line, status: 'reserved' as const, shipmentId: `${order._id.replace('ord_', 'shp_')}-1` }));
    await this.orders.store.update(order._id, order.version, { status: 'routed', lines }, [{ at: NOW, status: 'routed' }], []);
    return this.orders.store.get(order._id);
  }
}

describe('PlaceReplacementOrder', () => {
  let orders: InMemoryIntakeOrders;
  let routing: FakeRouting;
  let catalog: Map<string, SellableSku>;
  let place: PlaceReplacementOrder;

  beforeEach(() => {
    orders = new InMemoryIntakeOrders();
    orders.store.put(originalOrder());
    orders.store.put(originalOrder({ _id: 'ord_bbbbbbbbbbbbbbbbbbbb', tenantId: 'mall-b' }));
    routing = new FakeRouting(orders);
    catalog = new Map([['sku-1', { skuId: 'sku-1', version: 2, sellable: true, title: '九阳豆浆机 DJ13B', contractPriceFen: 31_900, updatedAt: NOW }]]);
    place = new PlaceReplacementOrder(
      orders,
      async (skuIds) => new Map(skuIds.flatMap((skuId) => (catalog.has(skuId) ? [[skuId, catalog.get(skuId)!]] : []))),
      routing,
      {
        now: () => NOW,
      },
    );
  });

  const accepted = () => orders.store.eventData<OrderAcceptedData>(OrderAccepted.type);

  it("takes the case's line in as an order of the same mall, announces it as a replacement and routes it", async () => {
    const placed = await place.execute('mall-a', command());

    expect(placed.created).toBe(true);
    expect(placed.order).toMatchObject({ _id: REPLACEMENT_ID, tenantId: 'mall-a', status: 'routed' });
    const stored = orders.store.get(REPLACEMENT_ID);
    expect(stored).toMatchObject({
      tenantId: 'mall-a',
      mallOrderId: `replacement/${CASE_ID}`,
      recipient: originalOrder().recipient,
      // Refused, not backordered, when nobody can ship it: aftersales then refunds.
      unavailablePolicy: 'refuse',
      replacementFor: { caseId: CASE_ID, orderId: ORIGINAL_ID, lineId: 'L1' },
      createdAt: NOW,
    });
    expect(stored.lines).toEqual([
      expect.objectContaining({
        lineId: 'L1',
        skuId: 'sku-1',
        quantity: 1,
        kind: 'physical',
        categoryFamily: 'physical',
        title: '九阳豆浆机 DJ13B',
        unitPriceFen: 29_900,
      }),
    ]);
    expect(stored.timeline[0]).toEqual({ at: NOW, status: 'accepted', note: expect.stringContaining(CASE_ID) });
    expect(accepted()).toEqual([
      {
        orderId: REPLACEMENT_ID,
        mallOrderId: `replacement/${CASE_ID}`,
        lines: [{ lineId: 'L1', skuId: 'sku-1', quantity: 1, kind: 'physical', unitPriceFen: 29_900 }],
        cityCode: '510100',
        replacement: { caseId: CASE_ID, orderId: ORIGINAL_ID, lineId: 'L1' },
      },
    ]);
    expect(JSON.parse(orders.store.events[0]!.value)).toMatchObject({ tenantid: 'mall-a', type: OrderAccepted.type });
    // Routed right after intake, on the SKUs intake read, by the order as stored.
    expect(routing.calls).toEqual([{ orderId: REPLACEMENT_ID, status: 'accepted', knownSkus: true }]);
    expect(orders.intents.size).toBe(0);
    // The original order is left as it was.
    expect(orders.store.get(ORIGINAL_ID)).toEqual(originalOrder());
  });

  it('creates one order per case however often the request comes, even with another body', async () => {
    const first = await place.execute('mall-a', command());
    const again = await place.execute('mall-a', command());
    const changed = await place.execute('mall-a', command({ quantity: 2, reason: '又坏了' }));

    expect([again.created, changed.created]).toEqual([false, false]);
    expect(again.order).toEqual(first.order);
    expect(changed.order.lines[0]!.quantity).toBe(1);
    expect(orders.inserts).toBe(1);
    expect(accepted()).toHaveLength(1);
    expect(routing.calls).toHaveLength(1);
    // Another case on the same line is another replacement.
    const second = await place.execute('mall-a', command({ caseId: 'cas_00000000000000000002' }));
    expect(second).toMatchObject({ created: true, order: { _id: orderIdFor('mall-a', 'replacement/cas_00000000000000000002') } });
  });

  it('routes on redelivery an order stored before its router died, keeping the intent for recovery meanwhile', async () => {
    routing.failures = 1;
    await expect(place.execute('mall-a', command())).rejects.toThrow('router died');
    expect(orders.store.get(REPLACEMENT_ID).status).toBe('accepted');
    // What RecoverRoutings finds if no redelivery comes first.
    expect([...orders.intents.values()]).toEqual([{ orderId: REPLACEMENT_ID, tenantId: 'mall-a', operation: 'intake', planned: [], at: NOW }]);

    const redelivered = await place.execute('mall-a', command());
    expect(redelivered).toMatchObject({ created: false, order: { _id: REPLACEMENT_ID, status: 'routed' } });
    expect(orders.inserts).toBe(1);
    expect(accepted()).toHaveLength(1);
  });

  it("never uses another mall's order, nor an unknown one: both are not found, dead-lettered, nothing stored", async () => {
    for (const orderId of ['ord_bbbbbbbbbbbbbbbbbbbb', 'ord_ffffffffffffffffffff']) {
      const failure = await place.execute('mall-a', command({ orderId })).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(NotFoundError);
      expect(messageDispositionOf(failure)).toBe('dead-letter');
    }
    expect(orders.inserts).toBe(0);
    expect(orders.store.events).toEqual([]);
    expect(orders.intents.size).toBe(0);
    expect(routing.calls).toEqual([]);
  });

  it('dead-letters a request that does not match the original line', async () => {
    const failure = await place.execute('mall-a', command({ skuId: 'sku-2', quantity: 3 })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).issues.map((issue) => issue.path)).toEqual(['skuId', 'quantity']);
    expect(messageDispositionOf(failure)).toBe('dead-letter');
    expect(orders.inserts).toBe(0);
  });

  it('refuses, with the reason and the routing answer, a SKU the catalog no longer sells, without routing it', async () => {
    catalog.set('sku-1', { ...catalog.get('sku-1')!, sellable: false, delistedReason: '质检不合格' });
    const placed = await place.execute('mall-a', command());

    expect(placed.order).toMatchObject({
      _id: REPLACEMENT_ID,
      status: 'refused',
      lines: [{ status: 'refused', reason: expect.stringContaining('质检不合格') }],
    });
    expect(placed.order.timeline.map((entry) => entry.status)).toEqual(['accepted', 'refused']);
    expect(routing.calls).toEqual([]);
    expect(orders.intents.size).toBe(0);
    expect(accepted()).toHaveLength(1);
    expect(orders.store.eventData<OrderRoutedData>(OrderRouted.type)).toEqual([
      { orderId: REPLACEMENT_ID, mallOrderId: `replacement/${CASE_ID}`, parcels: [], backorderedLineIds: [], refusedLineIds: ['L1'], virtualLineIds: [] },
    ]);
    // Redelivered: the refused order is the answer, nothing is written again.
    expect(await place.execute('mall-a', command())).toMatchObject({ created: false, order: { status: 'refused' } });
    expect(orders.store.events).toHaveLength(2);
  });

  it('refuses a SKU missing from the read model too', async () => {
    catalog.clear();
    expect((await place.execute('mall-a', command())).order).toMatchObject({ status: 'refused', lines: [{ status: 'refused' }] });
  });
});
