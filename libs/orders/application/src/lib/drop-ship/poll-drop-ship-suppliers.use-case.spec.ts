import { ShipmentStatusChanged, type ShipmentStatusChangedData } from '@supply-hub/contracts';
import { dropShipSuppliersOf } from './drop-ship-ports';
import { PollDropShipSuppliers } from './poll-drop-ship-suppliers.use-case';
import { SubmitDropShipment } from './submit-drop-shipment.use-case';
import { dropShipment, dropShipOrder, FakeSupplier, InMemoryDropShipOrders, jdTrack, ORDER_ID, REQUESTED_AT, SHIPMENT_ID } from './testing/drop-ship.fakes';

const JD_ORDER = '250000000001';

describe('PollDropShipSuppliers', () => {
  let orders: InMemoryDropShipOrders;
  let supplier: FakeSupplier;
  let now: Date;
  let poller: PollDropShipSuppliers;

  beforeEach(() => {
    orders = new InMemoryDropShipOrders();
    supplier = new FakeSupplier();
    now = new Date(REQUESTED_AT.getTime() + 5 * 60_000);
    const clock = { now: () => now };
    const suppliers = dropShipSuppliersOf([supplier]);
    poller = new PollDropShipSuppliers(orders, suppliers, new SubmitDropShipment(orders, suppliers, clock), clock, {
      resubmitAfterMs: 60_000,
      unmatchedGraceMs: 600_000,
    });
  });

  const accepted = () => orders.put(dropShipOrder(dropShipment({ status: 'accepted', acceptedAt: REQUESTED_AT, supplierOrderId: JD_ORDER })));
  const shipment = () => orders.get(ORDER_ID).shipments[0]!;
  const statuses = () => orders.eventData<ShipmentStatusChangedData>(ShipmentStatusChanged.type).map((event) => event.status);

  it('submits again, looking the order up first, a parcel still requested after resubmitAfterMs', async () => {
    orders.put(dropShipOrder(dropShipment({ requestedAt: new Date(now.getTime() - 30_000) })));
    expect(await poller.runOnce()).toMatchObject({ resubmitted: 0 });
    now = new Date(now.getTime() + 31_000);
    expect(await poller.runOnce()).toMatchObject({ resubmitted: 1, failures: [] });
    expect(supplier.requests).toEqual([expect.objectContaining({ thirdOrder: SHIPMENT_ID, mayExist: true })]);
    expect(shipment()).toMatchObject({ status: 'accepted', supplierOrderId: JD_ORDER });
  });

  it('dispatches once the track says the parcel left, with carrier jd and the JD order id; tracking follows, quietly', async () => {
    accepted();
    supplier.tracks.set(JD_ORDER, jdTrack(0));
    expect(await poller.runOnce()).toMatchObject({ tracked: 1, dispatched: 0 });
    expect(shipment()).toMatchObject({ status: 'accepted', tracking: { status: 'pending', timeline: [{}, {}] } });
    expect(shipment().carrier).toBeUndefined();
    expect(statuses()).toEqual([]);

    supplier.tracks.set(JD_ORDER, jdTrack(1));
    expect(await poller.runOnce()).toMatchObject({ dispatched: 1 });
    expect(shipment()).toMatchObject({
      status: 'dispatched',
      dispatchedAt: jdTrack(1).at(-1)!.at,
      carrier: 'jd',
      trackingNumber: JD_ORDER,
      trackingSubscribed: true,
      tracking: { carrier: 'jd', trackingNumber: JD_ORDER, status: 'in-transit' },
    });
    expect(orders.get(ORDER_ID)).toMatchObject({ status: 'dispatched', lines: [{ status: 'dispatched' }] });
    expect(orders.get(ORDER_ID).timeline.at(-1)).toMatchObject({
      status: 'shipment-dispatched',
      note: `${SHIPMENT_ID} dispatched by supplier jd with jd ${JD_ORDER}`,
    });
    expect(statuses()).toEqual(['dispatched']);

    // More track: the parcel's tracking grows, the order hears nothing; the same track again writes nothing.
    supplier.tracks.set(JD_ORDER, jdTrack(3));
    const version = orders.get(ORDER_ID).version;
    await poller.runOnce();
    expect(shipment()).toMatchObject({ status: 'dispatched', tracking: { status: 'out-for-delivery' } });
    expect(orders.get(ORDER_ID).version).toBe(version + 1);
    await poller.runOnce();
    expect(orders.get(ORDER_ID).version).toBe(version + 1);
    expect(statuses()).toEqual(['dispatched']);
  });

  it('delivers on the supplier update, with the whole track, acknowledges it, and changes nothing when it comes again', async () => {
    accepted();
    supplier.tracks.set(JD_ORDER, jdTrack(4));
    supplier.updates = [{ updateId: 'm1', supplierOrderId: JD_ORDER, outcome: 'delivered', at: now }];
    expect(await poller.runOnce()).toMatchObject({ updates: 1, acknowledged: 1, delivered: 1 });
    expect(shipment()).toMatchObject({ status: 'delivered', carrier: 'jd', trackingNumber: JD_ORDER, tracking: { status: 'delivered', final: true } });
    expect(orders.get(ORDER_ID)).toMatchObject({ status: 'delivered', lines: [{ status: 'delivered' }] });
    expect(orders.get(ORDER_ID).timeline.at(-1)).toMatchObject({ status: 'shipment-delivered' });

    // Redelivered (deleted, then sent again anyway): acknowledged again, nothing written.
    supplier.acknowledged = [];
    const version = orders.get(ORDER_ID).version;
    expect(await poller.runOnce()).toMatchObject({ updates: 1, acknowledged: 1, delivered: 0 });
    expect(orders.get(ORDER_ID).version).toBe(version);
    expect(statuses()).toEqual(['delivered']);
  });

  it('delivers without the track when the supplier cannot answer it', async () => {
    accepted();
    supplier.failTrack = true;
    supplier.updates = [{ updateId: 'm1', supplierOrderId: JD_ORDER, outcome: 'delivered', at: now }];
    const report = await poller.runOnce();
    expect(report).toMatchObject({ delivered: 1, acknowledged: 1 });
    // Delivered already: the track step has nothing left to follow.
    expect(report.failures).toEqual([]);
    expect(shipment()).toMatchObject({ status: 'delivered', carrier: 'jd', trackingNumber: JD_ORDER });
  });

  it('rejects on a rejected update: the line backordered, the order backordered', async () => {
    accepted();
    supplier.updates = [{ updateId: 'm2', supplierOrderId: JD_ORDER, outcome: 'rejected', at: now }];
    expect(await poller.runOnce()).toMatchObject({ rejected: 1, acknowledged: 1 });
    expect(orders.get(ORDER_ID)).toMatchObject({
      status: 'backordered',
      shipments: [{ status: 'rejected' }],
      lines: [{ status: 'backordered', reason: `supplier jd: ${JD_ORDER} rejected` }],
    });
    expect(statuses()).toEqual(['rejected']);
  });

  it('keeps an update no parcel holds for the grace period, then acknowledges it; skips unknown outcomes', async () => {
    supplier.updates = [
      { updateId: 'young', supplierOrderId: '999', outcome: 'delivered', at: now },
      { updateId: 'old', supplierOrderId: '998', outcome: 'delivered', at: new Date(now.getTime() - 700_000) },
      { updateId: 'odd', supplierOrderId: '997', outcome: 'unknown', at: now },
    ];
    expect(await poller.runOnce()).toMatchObject({ updates: 3, acknowledged: 2 });
    expect(supplier.acknowledged).toEqual(['old', 'odd']);
  });

  it('reports what failed and goes on with the other steps', async () => {
    accepted();
    supplier.orderUpdates = async () => {
      throw new Error('jd:message/get unavailable');
    };
    supplier.tracks.set(JD_ORDER, jdTrack(1));
    const report = await poller.runOnce();
    expect(report.failures).toEqual([{ sourceId: 'jd', step: 'updates', reason: 'jd:message/get unavailable' }]);
    expect(report.dispatched).toBe(1);
  });
});
