import { ShipmentStatusChanged, type ShipmentStatusChangedData } from '@supply-hub/contracts';
import { CARRIER_STATE_NAMES, type CarrierPushParam, type CarrierPushStatus, type CarrierState, carrierCallbackForm } from '@supply-hub/supplier-protocols';
import { ApplyCarrierPush, type CarrierPushReceipt } from './apply-carrier-push.use-case';
import { InMemoryTrackedOrders, ORDER_ID, SECOND_SHIPMENT_ID, SHIPMENT_ID, dispatchedShipment, orderWith } from './testing/tracked-orders.fake';
import { trackingSaltOf } from './tracking-salt';

const SECRET = 'unit-carrier-callback-secret-0123456789';
const NOW = new Date('2026-11-23T12:00:00Z');

/** The parcel's journey as the carrier reports it, oldest first. */
const JOURNEY: [CarrierState, string, string][] = [
  ['1', '2026-11-22 10:00:00', '【深圳市】已揽收'],
  ['0', '2026-11-22 14:00:00', '【深圳市】快件已从深圳转运中心发出'],
  ['0', '2026-11-22 22:00:00', '【北京市】快件已到达北京转运中心'],
  ['5', '2026-11-23 09:00:00', '【北京市】快件正在派送中'],
  ['3', '2026-11-23 12:00:00', '【北京市】快件已签收，签收人：本人'],
];

/** The push after `step` checkpoints (1-based): the whole history so far, newest first. */
function pushAfter(step: number, overrides: { status?: CarrierPushStatus; com?: string; nu?: string; journey?: typeof JOURNEY } = {}): CarrierPushParam {
  const journey = overrides.journey ?? JOURNEY;
  const reached = journey.slice(0, step);
  const state = reached.at(-1)![0];
  return {
    status: overrides.status ?? (state === '3' ? 'shutdown' : 'polling'),
    message: '',
    lastResult: {
      com: overrides.com ?? 'shunfeng',
      nu: overrides.nu ?? 'SF1234567890',
      state,
      ischeck: state === '3' ? '1' : '0',
      data: reached.map(([checkpointState, time, context]) => ({ context, time, ftime: time, status: CARRIER_STATE_NAMES[checkpointState] })).reverse(),
    },
  };
}

const signedForm = (param: CarrierPushParam, shipmentId = SHIPMENT_ID) => carrierCallbackForm(param, trackingSaltOf(SECRET, shipmentId));

describe('ApplyCarrierPush', () => {
  let orders: InMemoryTrackedOrders;
  let pushes: ApplyCarrierPush;

  beforeEach(() => {
    orders = new InMemoryTrackedOrders();
    orders.put(orderWith([dispatchedShipment()]));
    pushes = new ApplyCarrierPush(orders, { now: () => NOW }, { callbackSecret: SECRET });
  });

  const receive = (param: CarrierPushParam, shipmentId = SHIPMENT_ID) => pushes.execute({ shipmentId, form: signedForm(param, shipmentId) });
  const statusEvents = () => orders.eventData<ShipmentStatusChangedData>(ShipmentStatusChanged.type);
  const shipmentOf = (shipmentId = SHIPMENT_ID) => orders.get(ORDER_ID).shipments.find((shipment) => shipment.shipmentId === shipmentId)!;

  it('moves a dispatched parcel in transit on the first push: lines, order, timeline and the event', async () => {
    const receipt = await receive(pushAfter(1));
    expect(receipt).toMatchObject({ accepted: true, changed: true, statusChanged: true, shipment: { status: 'in-transit' } });

    const order = orders.get(ORDER_ID);
    expect(order).toMatchObject({ status: 'dispatched', version: 4, lines: [{ status: 'dispatched' }] });
    expect(order.shipments[0]).toMatchObject({
      status: 'in-transit',
      trackingSubscribed: true,
      tracking: {
        carrier: 'shunfeng',
        trackingNumber: 'SF1234567890',
        status: 'picked-up',
        subscription: 'active',
        timeline: [{ time: '2026-11-22T02:00:00.000Z', context: '【深圳市】已揽收', statusName: '揽收', carrierState: '1' }],
      },
    });
    expect(order.timeline.at(-1)).toEqual({ at: NOW, status: 'shipment-in-transit', note: `${SHIPMENT_ID} in-transit (sf SF1234567890): 【深圳市】已揽收` });
    expect(statusEvents()).toEqual([
      {
        shipmentId: SHIPMENT_ID,
        orderId: ORDER_ID,
        warehouseId: 'wh-sz',
        status: 'in-transit',
        carrier: 'sf',
        trackingNumber: 'SF1234567890',
        at: NOW.toISOString(),
      },
    ]);
  });

  it('follows the parcel to delivered: one event per status change, the order delivered with its lines', async () => {
    for (let step = 1; step <= JOURNEY.length; step++) expect(await receive(pushAfter(step))).toMatchObject({ accepted: true, changed: true });

    expect(statusEvents().map((event) => event.status)).toEqual(['in-transit', 'out-for-delivery', 'delivered']);
    const order = orders.get(ORDER_ID);
    expect(order).toMatchObject({ status: 'delivered', lines: [{ status: 'delivered' }] });
    expect(order.shipments[0]).toMatchObject({ status: 'delivered', tracking: { status: 'delivered', final: true, subscription: 'shutdown' } });
    expect(order.shipments[0]!.tracking!.timeline).toHaveLength(JOURNEY.length);
    expect(order.timeline.map((entry) => entry.status)).toEqual([
      'accepted',
      'shipment-in-transit',
      'shipment-out-for-delivery',
      'shipment-delivered',
      'delivered',
    ]);
    // Checkpoints that do not move the parcel are stored without a timeline entry or an event.
    expect(orders.writes).toBe(JOURNEY.length);
  });

  it('takes a duplicate and an older push without changing anything', async () => {
    await receive(pushAfter(1));
    await receive(pushAfter(2));
    const before = orders.get(ORDER_ID);
    const writes = orders.writes;

    expect(await receive(pushAfter(2))).toMatchObject({ accepted: true, changed: false, statusChanged: false });
    expect(await receive(pushAfter(1))).toMatchObject({ accepted: true, changed: false, statusChanged: false });
    expect(orders.writes).toBe(writes);
    expect(orders.get(ORDER_ID)).toEqual(before);
    expect(statusEvents()).toHaveLength(1);
  });

  it('keeps a delivered parcel delivered when an older push comes late', async () => {
    await receive(pushAfter(5));
    expect(shipmentOf().status).toBe('delivered');
    expect(await receive(pushAfter(4))).toMatchObject({ accepted: true, changed: false });
    expect(shipmentOf().status).toBe('delivered');
    expect(statusEvents().map((event) => event.status)).toEqual(['delivered']);
  });

  it('refuses a push whose signature does not match the parcel’s salt, and writes nothing', async () => {
    const param = pushAfter(1);
    const form = signedForm(param);
    const refusals: CarrierPushReceipt[] = [
      await pushes.execute({ shipmentId: SHIPMENT_ID, form: { ...form, sign: form.sign!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } }),
      await pushes.execute({ shipmentId: SHIPMENT_ID, form: { param: form.param } }),
      // Signed for another parcel: that parcel's salt is worth nothing for this one.
      await pushes.execute({ shipmentId: SHIPMENT_ID, form: signedForm(param, SECOND_SHIPMENT_ID) }),
      // The signature covers the exact text: the same JSON re-serialised with a changed state is refused.
      await pushes.execute({ shipmentId: SHIPMENT_ID, form: { param: form.param.replace('"state":"1"', '"state":"3"'), sign: form.sign } }),
    ];
    expect(refusals.map((receipt) => !receipt.accepted && receipt.reason)).toEqual(['bad-sign', 'missing-sign', 'bad-sign', 'bad-sign']);
    expect(await pushes.execute({ shipmentId: SHIPMENT_ID, form: {} })).toMatchObject({ accepted: false, reason: 'missing-param' });
    expect(orders.writes).toBe(0);
    expect(statusEvents()).toEqual([]);
  });

  it('refuses a push for an unknown shipment or for another parcel', async () => {
    expect(await receive(pushAfter(1), 'shp_ffffffffffffffffffff-1')).toEqual({ accepted: false, reason: 'unknown-shipment' });
    expect(await receive(pushAfter(1), 'not-a-shipment')).toEqual({ accepted: false, reason: 'unknown-shipment' });
    expect(await receive(pushAfter(1, { nu: 'SF999' }))).toMatchObject({ accepted: false, reason: 'other-parcel' });
    expect(await receive(pushAfter(1, { com: 'yuantong' }))).toMatchObject({ accepted: false, reason: 'other-parcel' });
    // An `updateall` push may correct the carrier code.
    expect(await receive(pushAfter(1, { com: 'shunfengkuaiyun', status: 'updateall' }))).toMatchObject({ accepted: true, changed: true });
    expect(shipmentOf().tracking?.carrier).toBe('shunfengkuaiyun');
  });

  it('refuses a push for a parcel that has not left yet', async () => {
    orders.put(orderWith([dispatchedShipment({ status: 'accepted', carrier: undefined, trackingNumber: undefined, trackingSubscribed: undefined })]));
    expect(await receive(pushAfter(1))).toEqual({ accepted: false, reason: 'unknown-shipment' });
  });

  it('turns a problem (疑难) into an exception with the carrier’s words as the reason, and back in transit after', async () => {
    const troubled: typeof JOURNEY = [
      ...JOURNEY.slice(0, 2),
      ['2', '2026-11-23 08:00:00', '【北京市】收件人电话无人接听，待再次派送'],
      ['0', '2026-11-23 10:00:00', '【北京市】再次派送'],
    ];
    await receive(pushAfter(3, { journey: troubled }));
    expect(shipmentOf().status).toBe('exception');
    expect(orders.get(ORDER_ID)).toMatchObject({ status: 'dispatched', lines: [{ status: 'dispatched' }] });
    await receive(pushAfter(4, { journey: troubled }));
    expect(shipmentOf().status).toBe('in-transit');
    const events = statusEvents();
    expect(events.map((event) => event.status)).toEqual(['exception', 'in-transit']);
    expect(events[0]!.reason).toBe('【北京市】收件人电话无人接听，待再次派送');
    expect(events[1]).not.toHaveProperty('reason');
  });

  it('delivers the order only when every parcel is delivered', async () => {
    orders.put(
      orderWith([
        dispatchedShipment(),
        dispatchedShipment({ shipmentId: SECOND_SHIPMENT_ID, trackingNumber: 'SF2222222222', lines: [{ lineId: '2', skuId: 'sku-2', quantity: 1 }] }),
      ]),
    );
    await receive(pushAfter(5));
    expect(orders.get(ORDER_ID)).toMatchObject({ status: 'dispatched', lines: [{ status: 'delivered' }, { status: 'dispatched' }] });
    await receive(pushAfter(5, { nu: 'SF2222222222' }), SECOND_SHIPMENT_ID);
    const order = orders.get(ORDER_ID);
    expect(order).toMatchObject({ status: 'delivered', lines: [{ status: 'delivered' }, { status: 'delivered' }] });
    expect(order.timeline.map((entry) => entry.status)).toEqual(['accepted', 'shipment-delivered', 'shipment-delivered', 'delivered']);
  });

  it('reads and merges again when the order changed under it', async () => {
    let interfered = false;
    orders.beforeWrite = (orderId) => {
      if (interfered) return;
      interfered = true;
      // Another writer (a push of the other parcel, the subscription record) gets there first.
      const order = orders.get(orderId);
      orders.put({ ...order, version: order.version + 1, timeline: [...order.timeline, { at: NOW, status: 'someone-else' }] });
    };
    expect(await receive(pushAfter(1))).toMatchObject({ accepted: true, changed: true, statusChanged: true });
    const order = orders.get(ORDER_ID);
    expect(order.version).toBe(5);
    expect(order.timeline.map((entry) => entry.status)).toEqual(['accepted', 'someone-else', 'shipment-in-transit']);
    expect(statusEvents()).toHaveLength(1);
  });
});
