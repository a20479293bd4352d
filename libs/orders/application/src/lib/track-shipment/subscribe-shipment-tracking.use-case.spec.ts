import { emptyShipmentTracking, type RoutedShipment } from '@supply-hub/orders-domain';
import type { CarrierSubscribeOutcome } from '@supply-hub/supplier-protocols';
import type { CarrierSubscriptionAnswer, CarrierSubscriptionRequest, CarrierTrackingGateway } from './carrier-tracking-gateway';
import { SubscribeShipmentTracking } from './subscribe-shipment-tracking.use-case';
import { InMemoryTrackedOrders, ORDER_ID, SHIPMENT_ID, dispatchedShipment, orderWith } from './testing/tracked-orders.fake';
import { trackingSaltOf } from './tracking-salt';

const SECRET = 'unit-carrier-callback-secret-0123456789';

/** The carrier's subscribe service: answers as scripted (accepted unless told otherwise) and keeps every request. */
class ScriptedCarrier implements CarrierTrackingGateway {
  readonly requests: CarrierSubscriptionRequest[] = [];
  answers: CarrierSubscribeOutcome[] = [];

  async subscribe(request: CarrierSubscriptionRequest): Promise<CarrierSubscriptionAnswer> {
    this.requests.push(request);
    const outcome = this.answers.shift() ?? 'accepted';
    return { outcome, message: outcome };
  }
}

describe('SubscribeShipmentTracking', () => {
  let orders: InMemoryTrackedOrders;
  let carrier: ScriptedCarrier;
  let tracking: SubscribeShipmentTracking;

  /** The sweep's query over the in-memory orders: by id, after the cursor. */
  const awaiting = {
    awaiting: async (after: string | undefined, limit: number) =>
      [...orders.rows.values()]
        .filter((order) => order.shipments.some((shipment) => shipment.trackingSubscribed === false || shipment.tracking?.subscription === 'aborted'))
        .filter((order) => after === undefined || order._id > after)
        .sort((a, b) => (a._id < b._id ? -1 : 1))
        .slice(0, limit)
        .map((order) => structuredClone(order)),
  };

  beforeEach(() => {
    orders = new InMemoryTrackedOrders();
    orders.put(orderWith([dispatchedShipment()]));
    carrier = new ScriptedCarrier();
    tracking = new SubscribeShipmentTracking(orders, awaiting, carrier, {
      callbackSecret: SECRET,
      callbackUrl: (shipmentId) => `https://router.example.com/carrier/callback/${shipmentId}`,
    });
  });

  const shipmentOf = (orderId = ORDER_ID, shipmentId = SHIPMENT_ID) => orders.get(orderId).shipments.find((shipment) => shipment.shipmentId === shipmentId)!;

  it('subscribes a dispatched parcel under the carrier’s code, with its callback URL and salt, and records it', async () => {
    expect(await tracking.execute(SHIPMENT_ID)).toEqual({ outcome: 'subscribed' });
    expect(carrier.requests).toEqual([
      {
        company: 'shunfeng',
        number: 'SF1234567890',
        callbackUrl: `https://router.example.com/carrier/callback/${SHIPMENT_ID}`,
        salt: trackingSaltOf(SECRET, SHIPMENT_ID),
      },
    ]);
    expect(shipmentOf()).toMatchObject({ status: 'dispatched', trackingSubscribed: true, tracking: emptyShipmentTracking('shunfeng', 'SF1234567890') });
    // No timeline entry and no event: nothing happened to the parcel.
    expect(orders.get(ORDER_ID).timeline).toHaveLength(1);
    expect(orders.events).toEqual([]);

    expect(await tracking.execute(SHIPMENT_ID)).toEqual({ outcome: 'not-needed' });
    expect(carrier.requests).toHaveLength(1);
  });

  it('takes a duplicate subscription as done', async () => {
    carrier.answers = ['already-subscribed'];
    expect(await tracking.execute(SHIPMENT_ID)).toEqual({ outcome: 'subscribed' });
    expect(shipmentOf().trackingSubscribed).toBe(true);
  });

  it('leaves the parcel to the sweep when the carrier says not now, and the sweep subscribes it later', async () => {
    carrier.answers = ['retry-later', 'refused'];
    expect(await tracking.execute(SHIPMENT_ID)).toEqual({ outcome: 'retry-later', message: 'retry-later' });
    expect(shipmentOf().trackingSubscribed).toBe(false);
    expect(orders.writes).toBe(0);

    expect(await tracking.sweep()).toEqual({ attempted: 1, subscribed: 0, failed: [{ shipmentId: SHIPMENT_ID, reason: 'refused: refused' }] });
    expect(await tracking.sweep()).toEqual({ attempted: 1, subscribed: 1, failed: [] });
    expect(shipmentOf().trackingSubscribed).toBe(true);
    expect(await tracking.sweep()).toEqual({ attempted: 0, subscribed: 0, failed: [] });
  });

  it('does not subscribe a parcel that has not left, is delivered, or is finished', async () => {
    const cases: Partial<RoutedShipment>[] = [
      { status: 'accepted', carrier: undefined, trackingNumber: undefined, trackingSubscribed: undefined },
      { status: 'delivered' },
      { status: 'cancelled' },
      { status: 'in-transit', tracking: { ...emptyShipmentTracking('shunfeng', 'SF1234567890'), subscription: 'shutdown' } },
    ];
    for (const overrides of cases) {
      orders.put(orderWith([dispatchedShipment(overrides)]));
      expect(await tracking.execute(SHIPMENT_ID)).toEqual({ outcome: 'not-needed' });
    }
    expect(await tracking.execute('shp_ffffffffffffffffffff-1')).toEqual({ outcome: 'unknown-shipment' });
    expect(carrier.requests).toEqual([]);
  });

  it('subscribes again when the carrier gave up (abort), keeping the timeline', async () => {
    const timeline = [{ time: '2026-11-22T02:00:00.000Z', context: '【深圳市】已揽收', statusName: '揽收' }];
    orders.put(
      orderWith([
        dispatchedShipment({
          status: 'in-transit',
          trackingSubscribed: true,
          tracking: {
            ...emptyShipmentTracking('shunfeng', 'SF1234567890'),
            status: 'picked-up',
            subscription: 'aborted',
            subscriptionMessage: '60天无变化',
            timeline,
          },
        }),
      ]),
    );
    expect(await tracking.sweep()).toEqual({ attempted: 1, subscribed: 1, failed: [] });
    const tracked = shipmentOf();
    expect(tracked.tracking).toEqual({ ...emptyShipmentTracking('shunfeng', 'SF1234567890'), status: 'picked-up', subscription: 'active', timeline });
    expect(tracked.status).toBe('in-transit');
  });

  it('on the dispatch event, subscribes a parcel for the first time only', async () => {
    expect(await tracking.afterDispatch(SHIPMENT_ID)).toEqual({ outcome: 'subscribed' });
    expect(await tracking.afterDispatch(SHIPMENT_ID)).toEqual({ outcome: 'not-needed' });
    // Given up by the carrier since: the sweep subscribes it again, not an event read late.
    const subscribed = shipmentOf();
    orders.put(orderWith([{ ...subscribed, tracking: { ...subscribed.tracking!, subscription: 'aborted' } }]));
    expect(await tracking.afterDispatch(SHIPMENT_ID)).toEqual({ outcome: 'not-needed' });
    expect(carrier.requests).toHaveLength(1);
    expect(await tracking.sweep()).toEqual({ attempted: 1, subscribed: 1, failed: [] });
    expect(carrier.requests).toHaveLength(2);
  });

  it('records the subscription again after a concurrent change of the order', async () => {
    let interfered = false;
    orders.beforeWrite = (orderId) => {
      if (interfered) return;
      interfered = true;
      const order = orders.get(orderId);
      orders.put({ ...order, version: order.version + 1 });
    };
    expect(await tracking.execute(SHIPMENT_ID)).toEqual({ outcome: 'subscribed' });
    expect(shipmentOf().trackingSubscribed).toBe(true);
    expect(carrier.requests).toHaveLength(1);
  });

  it('walks the awaiting orders a batch per pass, so none is starved', async () => {
    const ids = ['ord_00000000000000000001', 'ord_00000000000000000002', 'ord_00000000000000000003'];
    orders.rows.clear();
    for (const id of ids) {
      const suffix = id.slice(4);
      orders.put({ ...orderWith([dispatchedShipment({ shipmentId: `shp_${suffix}-1` })]), _id: id });
    }
    // Every subscription fails, so every order keeps waiting: each pass must still move on.
    carrier.answers = Array<CarrierSubscribeOutcome>(10).fill('retry-later');
    const small = new SubscribeShipmentTracking(orders, awaiting, carrier, { callbackSecret: SECRET, callbackUrl: (id) => id, batchSize: 2 });
    const passes = [];
    for (let pass = 0; pass < 3; pass++) passes.push((await small.sweep()).failed.map((failure) => failure.shipmentId));
    expect(passes).toEqual([
      ['shp_00000000000000000001-1', 'shp_00000000000000000002-1'],
      ['shp_00000000000000000003-1'],
      ['shp_00000000000000000001-1', 'shp_00000000000000000002-1'],
    ]);
  });
});
