import { ShipmentStatusChanged, type ShipmentStatusChangedData } from '@supply-hub/contracts';
import type { SellableSku } from '@supply-hub/orders-domain';
import { dropShipSuppliersOf, supplierSourceOf } from './drop-ship-ports';
import { SubmitDropShipment } from './submit-drop-shipment.use-case';
import { dropShipment, dropShipOrder, FakeSupplier, InMemoryDropShipOrders, ORDER_ID, SHIPMENT_ID } from './testing/drop-ship.fakes';

const NOW = new Date('2026-11-22T02:00:05Z');

describe('SubmitDropShipment', () => {
  let orders: InMemoryDropShipOrders;
  let supplier: FakeSupplier;
  let submit: SubmitDropShipment;
  const skus = async () => new Map([['sku-1', { skuId: 'sku-1', supplyPriceFen: 3_990 } as SellableSku]]);

  beforeEach(() => {
    orders = new InMemoryDropShipOrders();
    supplier = new FakeSupplier();
    submit = new SubmitDropShipment(orders, dropShipSuppliersOf([supplier]), { now: () => NOW }, skus);
  });

  const statusEvents = () => orders.eventData<ShipmentStatusChangedData>(ShipmentStatusChanged.type);

  it('places the order with thirdOrder = shipment id and records the supplier order id, accepted', async () => {
    orders.put(dropShipOrder());
    expect(await submit.execute(SHIPMENT_ID)).toEqual({ outcome: 'accepted', supplierOrderId: '250000000001' });

    expect(supplier.requests).toEqual([
      {
        thirdOrder: SHIPMENT_ID,
        lines: [{ lineId: '1', externalId: '100012345678', quantity: 2, title: '九阳豆浆机 DJ13B', supplyPriceFen: 3_990 }],
        recipient: {
          name: '李四',
          mobile: '13912345678',
          province: '四川',
          city: '成都市',
          district: '武侯区',
          address: '天府大道北段 1700 号',
          cityCode: '510100',
        },
        mayExist: false,
      },
    ]);
    const order = orders.get(ORDER_ID);
    expect(order.shipments[0]).toMatchObject({ status: 'accepted', supplierOrderId: '250000000001', acceptedAt: NOW });
    expect(order).toMatchObject({ status: 'routed', version: 3, lines: [{ status: 'drop-ship' }] });
    expect(order.timeline.at(-1)).toEqual({ at: NOW, status: 'shipment-accepted', note: `${SHIPMENT_ID} accepted by supplier jd as its order 250000000001` });
    expect(statusEvents()).toEqual([expect.objectContaining({ shipmentId: SHIPMENT_ID, orderId: ORDER_ID, warehouseId: 'supplier:jd', status: 'accepted' })]);
  });

  it('calls nobody for a parcel past requested (a redelivered event), a warehouse parcel or an unknown one', async () => {
    orders.put(dropShipOrder());
    await submit.execute(SHIPMENT_ID);
    expect(await submit.execute(SHIPMENT_ID)).toEqual({ outcome: 'not-needed', status: 'accepted' });
    expect(supplier.requests).toHaveLength(1);
    expect(await submit.execute('shp_0123456789abcdef0123-9')).toEqual({ outcome: 'unknown-shipment' });
    orders.put(dropShipOrder(dropShipment(), { withWarehouseLine: true }));
    expect(await submit.execute('shp_0123456789abcdef0123-2')).toEqual({ outcome: 'not-needed', status: 'requested' });
  });

  it('leaves a parcel of a supplier without an adapter requested', async () => {
    orders.put(dropShipOrder(dropShipment({ supplierSourceId: 'taobao' })));
    expect(await submit.execute(SHIPMENT_ID)).toEqual({ outcome: 'no-supplier', sourceId: 'taobao' });
    expect(orders.get(ORDER_ID).shipments[0]!.status).toBe('requested');
  });

  it('leaves the parcel requested when the supplier says not now, and passes mayExist on', async () => {
    orders.put(dropShipOrder());
    supplier.placements.push({ outcome: 'retry-later', reason: 'jd:order/submitOrder timed out' });
    expect(await submit.execute(SHIPMENT_ID, { mayExist: true })).toEqual({ outcome: 'retry-later', reason: 'jd:order/submitOrder timed out' });
    expect(supplier.requests[0]!.mayExist).toBe(true);
    expect(orders.get(ORDER_ID)).toMatchObject({ version: 2, shipments: [{ status: 'requested' }] });
    expect(orders.events).toEqual([]);
  });

  it('rejects the parcel when the supplier refuses, backordering or refusing its lines as the mall asked', async () => {
    orders.put(dropShipOrder(dropShipment(), { withWarehouseLine: true }));
    supplier.placements.push({ outcome: 'refused', reason: '3008 商品无货或已下架' });
    expect(await submit.execute(SHIPMENT_ID)).toEqual({ outcome: 'rejected', reason: '3008 商品无货或已下架' });
    const order = orders.get(ORDER_ID);
    expect(order.shipments[0]!.status).toBe('rejected');
    expect(order.lines[0]).toMatchObject({ status: 'backordered', reason: 'supplier jd: 3008 商品无货或已下架' });
    expect(order.lines[0]!.shipmentId).toBeUndefined();
    // The warehouse line still goes: the order stays routed.
    expect(order.status).toBe('routed');
    expect(order.timeline.at(-1)).toMatchObject({ status: 'shipment-rejected', note: expect.stringContaining('its lines backordered') });
    expect(statusEvents()).toEqual([expect.objectContaining({ status: 'rejected', warehouseId: 'supplier:jd', reason: 'supplier jd: 3008 商品无货或已下架' })]);

    orders.put(dropShipOrder(dropShipment(), { policy: 'refuse' }));
    supplier.placements.push({ outcome: 'refused', reason: 'no' });
    await submit.execute(SHIPMENT_ID);
    expect(orders.get(ORDER_ID)).toMatchObject({ status: 'refused', lines: [{ status: 'refused' }] });
  });

  it('settles on what another writer recorded while the supplier was asked', async () => {
    orders.put(dropShipOrder());
    orders.beforeWrite = (orderId) => {
      orders.beforeWrite = undefined;
      const order = orders.get(orderId);
      orders.put({ ...order, version: order.version + 1, shipments: [{ ...order.shipments[0]!, status: 'accepted', supplierOrderId: '250000000001' }] });
    };
    expect(await submit.execute(SHIPMENT_ID)).toEqual({ outcome: 'accepted', supplierOrderId: '250000000001' });
    expect(orders.events).toEqual([]);
  });

  it('names the supplier of an event key', () => {
    expect(supplierSourceOf('supplier:jd')).toBe('jd');
    expect(supplierSourceOf('wh-bj')).toBeUndefined();
  });
});
