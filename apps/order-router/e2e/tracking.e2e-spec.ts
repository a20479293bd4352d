import { verifyWebhook } from '@supply-hub/auth';
import { ShipmentStatusChanged } from '@supply-hub/contracts';
import { trackingSaltOf } from '@supply-hub/orders-application';
import { OrderStore } from '@supply-hub/orders-data-access';
import { WebhookDeliveryWorker } from '@supply-hub/platform';
import { createTestApiKey, type SpawnedService, spawnService, type TestService } from '@supply-hub/platform/testing';
import { type CarrierPushParam, carrierCallbackForm } from '@supply-hub/supplier-protocols';
import { MallReceiver, uniqueName, waitFor } from '@supply-hub/testing';
import { TrackingSweep } from '../src/tracking/tracking-sweep.service';
import { sellableSku, stockUp, 深圳, startOrderRouter } from './order-fixtures';

const CALLBACK_SECRET = 'e2e-carrier-callback-secret-0123456789abcdef';
const WEBHOOK_PATH = '/mall/hooks';
/**
 * How long a step driven by order-router's own Kafka consumer may take. The consumer shares the broker
 * with every other test run and takes events one at a time, so a load test running next to this one
 * (dozens of order events a second) delays ours by minutes. Only the first test waits for the consumer;
 * the others subscribe their parcel with the sweep.
 */
const KAFKA_WAIT_MS = 240_000;
const TEST_TIMEOUT_MS = 2 * KAFKA_WAIT_MS + 60_000;

interface TrackedOrderView {
  status: string;
  lines: { status: string }[];
  shipments: {
    shipmentId: string;
    status: string;
    trackingSubscribed?: boolean;
    tracking?: { status: string; subscription: string; final: boolean; timeline: { context: string; areaName?: string }[] };
  }[];
  timeline: { status: string; note?: string }[];
}

interface SimSubscription {
  company: string;
  number: string;
  callbackUrl: string;
  signed: boolean;
  status: string;
  step: number;
  pushes: { sent: number; acknowledged: number; refused: number; duplicates: number; outOfOrder: number };
}

/**
 * Carrier tracking end to end: order-router on the real Kafka and FerretDB, listening on a port the
 * carrier sandbox (supplier-sim in its own process) pushes to; the sandbox's timeline moves only when
 * the test advances it, and each advance answers once order-router has answered the push.
 */
describe('carrier tracking of dispatched parcels', () => {
  let sim: SpawnedService;
  let service: TestService;
  let mall: MallReceiver;
  let mallKey: string;
  let numbers = 0;

  beforeAll(async () => {
    mall = await new MallReceiver().start();
    // No push timer (advance on demand) and no push retries: every push the test sees is one it caused.
    sim = await spawnService('apps/supplier-sim/src/main.ts', { SIM_SKUS: '0', SIM_CARRIER_PUSH_INTERVAL_MS: '0', SIM_CARRIER_RETRIES: '0' });
    service = await startOrderRouter({
      listen: true,
      env: {
        ROUTING_SWEEPS: 'false',
        // The tests run the tracking sweep and the webhook worker themselves.
        CARRIER_TRACKING_SWEEP: 'false',
        WEBHOOK_DELIVERY_WORKER: 'false',
        WEBHOOK_ALLOW_HTTP_LOCALHOST: 'true',
        CARRIER_API_URL: `${sim.url}/carrier/poll/subscribe`,
        CARRIER_CALLBACK_SECRET: CALLBACK_SECRET,
      },
    });
    mallKey = await createTestApiKey(service, 'tenant', uniqueName('mall'));
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
    await mall?.stop();
  });

  async function simCall<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** The sandbox pushes the next checkpoint; resolves once order-router has answered it. */
  async function advance(number: string): Promise<void> {
    const { acknowledged } = await simCall<{ acknowledged: boolean }>('POST', '/sim/carrier/advance', { number });
    expect(acknowledged).toBe(true);
  }

  async function simSubscription(number: string): Promise<SimSubscription | undefined> {
    const { subscriptions } = await simCall<{ subscriptions: SimSubscription[] }>('GET', '/sim/carrier/subscriptions');
    return subscriptions.find((subscription) => subscription.number === number);
  }

  const orderView = async (orderId: string) => (await service.http.get(`/orders/${orderId}`).set('X-Api-Key', mallKey).expect(200)).body as TrackedOrderView;
  const version = async (orderId: string) => (await service.app.get(OrderStore).getAny(orderId))!.version;

  async function metric(name: string, outcome: string): Promise<number> {
    const text = (await service.http.get('/metrics').expect(200)).text;
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && candidate.includes(`outcome="${outcome}"`));
    return Number(line?.split(' ').pop() ?? 0);
  }

  /**
   * An order of one parcel from wh-gz, dispatched with `sf` (the warehouse's code for shunfeng). Then it is
   * subscribed at the carrier: as in production, by the dispatch event's consumer (waited for); by a pass
   * of the tracking sweep (the consumer, when it gets to the event, finds nothing left to do); or not.
   */
  async function dispatchedParcel(subscription: 'dispatch-event' | 'sweep' | 'none') {
    numbers += 1;
    const trackingNumber = `SF${Date.now() % 1_000_000_000}${numbers}`;
    const skuId = await sellableSku(service);
    await stockUp(service, 'wh-gz', skuId, 5);
    const placed = await service.http
      .post('/orders')
      .set('X-Api-Key', mallKey)
      .send({ mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 1 }], recipient: 深圳 })
      .expect(201);
    const orderId: string = placed.body.orderId;
    const shipmentId: string = placed.body.shipments[0].shipmentId;
    const warehouseKey = await createTestApiKey(service, 'warehouse', placed.body.shipments[0].warehouseId);
    await service.http.post(`/warehouse/shipments/${shipmentId}/dispatch`).set('X-Api-Key', warehouseKey).send({ carrier: 'sf', trackingNumber }).expect(200);
    if (subscription === 'sweep') await service.app.get(TrackingSweep).runOnce();
    if (subscription !== 'none') {
      await waitFor(async () => (await orderView(orderId)).shipments[0]!.trackingSubscribed === true, {
        timeoutMs: subscription === 'sweep' ? 5_000 : KAFKA_WAIT_MS,
        message: `${shipmentId} to be subscribed at the carrier (${subscription})`,
      });
    }
    return { orderId, shipmentId, trackingNumber };
  }

  it(
    'tracking push → timeline and webhook',
    async () => {
      const endpoint = (
        await service.http
          .post('/webhook-endpoints')
          .set('X-Api-Key', mallKey)
          .send({ url: `${mall.url}${WEBHOOK_PATH}`, eventTypes: [ShipmentStatusChanged.type] })
          .expect(201)
      ).body as { id: string; secret: string };

      const { orderId, shipmentId, trackingNumber } = await dispatchedParcel('dispatch-event');
      expect(await simSubscription(trackingNumber)).toMatchObject({
        company: 'shunfeng',
        callbackUrl: `${service.url}/carrier/callback/${shipmentId}`,
        signed: true,
        status: 'polling',
        step: 0,
      });
      expect((await orderView(orderId)).shipments[0]).toMatchObject({
        status: 'dispatched',
        tracking: { status: 'pending', subscription: 'active', timeline: [] },
      });

      // 揽收: picked up, so in transit.
      await advance(trackingNumber);
      let order = await orderView(orderId);
      expect(order).toMatchObject({
        status: 'dispatched',
        lines: [{ status: 'dispatched' }],
        shipments: [{ status: 'in-transit', tracking: { status: 'picked-up' } }],
      });
      expect(order.shipments[0]!.tracking!.timeline).toHaveLength(1);
      expect(order.shipments[0]!.tracking!.timeline[0]!.areaName).toBeTruthy();
      expect(order.timeline.at(-1)).toMatchObject({ status: 'shipment-in-transit' });

      // 在途 three times: news for the parcel's timeline, nothing for the order's.
      for (let step = 2; step <= 4; step++) await advance(trackingNumber);
      order = await orderView(orderId);
      expect(order.shipments[0]).toMatchObject({ status: 'in-transit', tracking: { status: 'in-transit' } });
      expect(order.shipments[0]!.tracking!.timeline).toHaveLength(4);

      // 派件, then 签收.
      await advance(trackingNumber);
      expect((await orderView(orderId)).shipments[0]).toMatchObject({ status: 'out-for-delivery' });
      await advance(trackingNumber);
      order = await orderView(orderId);
      expect(order).toMatchObject({
        status: 'delivered',
        lines: [{ status: 'delivered' }],
        shipments: [{ status: 'delivered', tracking: { status: 'delivered', final: true, subscription: 'shutdown' } }],
      });
      expect(order.shipments[0]!.tracking!.timeline).toHaveLength(6);
      expect(order.timeline.map((entry) => entry.status)).toEqual([
        'accepted',
        'routed',
        'shipment-dispatched',
        'shipment-in-transit',
        'shipment-out-for-delivery',
        'shipment-delivered',
        'delivered',
      ]);
      expect(await simSubscription(trackingNumber)).toMatchObject({ status: 'shutdown', step: 6, pushes: { sent: 6, acknowledged: 6, refused: 0 } });

      // Every status change reaches the mall, signed with the endpoint's secret.
      const worker = service.app.get(WebhookDeliveryWorker);
      const expected = ['delivered', 'dispatched', 'in-transit', 'out-for-delivery'];
      const deliveries = await waitFor(
        async () => {
          await worker.runOnce();
          const received = mall.received.filter((request) => request.path === WEBHOOK_PATH);
          return received.length >= expected.length ? received : undefined;
        },
        { timeoutMs: KAFKA_WAIT_MS, intervalMs: 100, message: 'the four ShipmentStatusChanged webhooks to reach the mall' },
      );
      expect(deliveries).toHaveLength(expected.length);
      const events = deliveries.map((delivery) => {
        expect(verifyWebhook(endpoint.secret, delivery.headers['supplyhub-signature'] as string, delivery.body)).toMatchObject({ valid: true });
        expect(delivery.headers['supplyhub-event-type']).toBe(ShipmentStatusChanged.type);
        return JSON.parse(delivery.body) as { id: string; type: string; data: { shipmentId: string; orderId: string; status: string; trackingNumber: string } };
      });
      expect(events.map((event) => event.data.status).sort()).toEqual(expected);
      expect(
        events.every((event) => event.data.shipmentId === shipmentId && event.data.orderId === orderId && event.data.trackingNumber === trackingNumber),
      ).toBe(true);

      const log = await service.http.get(`/webhook-endpoints/${endpoint.id}/deliveries`).set('X-Api-Key', mallKey).expect(200);
      expect(log.body.items).toHaveLength(expected.length);
      for (const item of log.body.items as { eventId: string; eventType: string; status: string; attemptCount: number }[]) {
        expect(item).toMatchObject({ eventType: ShipmentStatusChanged.type, status: 'delivered', attemptCount: 1 });
      }
      expect((log.body.items as { eventId: string }[]).map((item) => item.eventId).sort()).toEqual(events.map((event) => event.id).sort());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'takes duplicate and out-of-order pushes without changing anything',
    async () => {
      const { orderId, trackingNumber } = await dispatchedParcel('sweep');
      const unchangedBefore = await metric('carrier_pushes_total', 'unchanged');
      await simCall('POST', '/sim/carrier/settings', { duplicateRate: 1, outOfOrderRate: 1 });
      try {
        // Step 1, then the same push again.
        const subscribed = await version(orderId);
        await advance(trackingNumber);
        expect(await version(orderId)).toBe(subscribed + 1);
        const afterFirst = await orderView(orderId);
        expect(afterFirst.shipments[0]).toMatchObject({ status: 'in-transit' });
        expect(afterFirst.shipments[0]!.tracking!.timeline).toHaveLength(1);

        // Step 2, its duplicate, then step 1 again (older, after the newer one): one write, for step 2.
        await advance(trackingNumber);
        expect(await version(orderId)).toBe(subscribed + 2);
        const afterSecond = await orderView(orderId);
        expect(afterSecond.shipments[0]).toMatchObject({ status: 'in-transit', tracking: { status: 'in-transit' } });
        expect(afterSecond.shipments[0]!.tracking!.timeline).toHaveLength(2);
        expect(afterSecond.timeline).toEqual(afterFirst.timeline);
        expect(afterSecond.timeline.filter((entry) => entry.status === 'shipment-in-transit')).toHaveLength(1);
      } finally {
        await simCall('POST', '/sim/carrier/settings', { duplicateRate: 0, outOfOrderRate: 0 });
      }
      // Acknowledged all the same: they are stored already, and a refusal would only make the carrier retry.
      expect(await simSubscription(trackingNumber)).toMatchObject({ pushes: { sent: 5, acknowledged: 5, refused: 0, duplicates: 2, outOfOrder: 1 } });
      expect(await metric('carrier_pushes_total', 'unchanged')).toBe(unchangedBefore + 3);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses a push with a bad sign, and one for an unknown parcel, changing nothing',
    async () => {
      const { orderId, shipmentId, trackingNumber } = await dispatchedParcel('sweep');
      const delivered: CarrierPushParam = {
        status: 'shutdown',
        message: '',
        lastResult: {
          com: 'shunfeng',
          nu: trackingNumber,
          state: '3',
          ischeck: '1',
          data: [{ context: '【深圳市】快件已签收，签收人：前台', time: '2026-11-23 12:00:00', ftime: '2026-11-23 12:00:00', status: '签收' }],
        },
      };
      const callback = (id: string, form: Record<string, string>) => service.http.post(`/carrier/callback/${id}`).type('form').send(form);
      const before = await version(orderId);
      const form = carrierCallbackForm(delivered, trackingSaltOf(CALLBACK_SECRET, shipmentId));

      const badSign = await callback(shipmentId, { param: form.param, sign: 'F'.repeat(32) }).expect(401);
      expect(badSign.body).toMatchObject({ result: false, returnCode: '500', message: 'bad-sign' });
      await callback(shipmentId, { param: form.param }).expect(401);
      // Signed with another parcel's salt.
      const otherSalt = carrierCallbackForm(delivered, trackingSaltOf(CALLBACK_SECRET, `${shipmentId.slice(0, -1)}9`));
      await callback(shipmentId, otherSalt as Record<string, string>).expect(401);
      // Signed with a salt from the wrong secret.
      await callback(shipmentId, carrierCallbackForm(delivered, trackingSaltOf('not-the-secret', shipmentId)) as Record<string, string>).expect(401);
      expect(await version(orderId)).toBe(before);
      expect((await orderView(orderId)).shipments[0]).toMatchObject({ status: 'dispatched', tracking: { status: 'pending', timeline: [] } });

      // A parcel nobody dispatched: refused, whatever its signature.
      const unknown = 'shp_ffffffffffffffffffff-1';
      const unknownAnswer = await callback(unknown, carrierCallbackForm(delivered, trackingSaltOf(CALLBACK_SECRET, unknown)) as Record<string, string>).expect(
        404,
      );
      expect(unknownAnswer.body).toMatchObject({ result: false, returnCode: '500', message: 'unknown-shipment' });

      // The same push with the parcel's own signature is taken.
      const taken = await callback(shipmentId, form as Record<string, string>).expect(200);
      expect(taken.body).toEqual({ result: true, returnCode: '200', message: '成功' });
      expect((await orderView(orderId)).shipments[0]).toMatchObject({ status: 'delivered' });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'never lets a carrier that is down fail a dispatch: the sweep subscribes later, and again after an abort',
    async () => {
      // The dispatch event's consumer may try this parcel at any moment (the first test covers it): the
      // carrier refuses everyone while it is down, and afterwards either of them may be the one that
      // subscribes first, so those checks read the outcome rather than who got there. Re-subscribing after
      // an abort is the sweep's alone.
      const sweep = service.app.get(TrackingSweep);
      await simCall('POST', '/sim/faults', { carrier: { errorRate: 1 } });
      let parcel: Awaited<ReturnType<typeof dispatchedParcel>>;
      try {
        parcel = await dispatchedParcel('none');
        const report = await sweep.runOnce();
        expect(report.failed).toEqual([{ shipmentId: parcel.shipmentId, reason: expect.stringMatching(/^retry-later: /) }]);
        // Dispatched all the same, and (while the carrier is down) not subscribed by anyone.
        expect((await orderView(parcel.orderId)).shipments[0]).toMatchObject({ status: 'dispatched', trackingSubscribed: false });
        expect(await simSubscription(parcel.trackingNumber)).toBeUndefined();
      } finally {
        await simCall('POST', '/sim/faults', { carrier: { errorRate: 0 } });
      }
      const { orderId, shipmentId, trackingNumber } = parcel;

      expect(await sweep.runOnce()).toMatchObject({ failed: [] });
      expect((await orderView(orderId)).shipments[0]).toMatchObject({ trackingSubscribed: true, tracking: { subscription: 'active' } });
      expect(await simSubscription(trackingNumber)).toMatchObject({ callbackUrl: `${service.url}/carrier/callback/${shipmentId}`, status: 'polling' });

      // The carrier gives up (no news for too long): the next sweep subscribes again and pushes resume.
      await advance(trackingNumber);
      const { acknowledged } = await simCall<{ acknowledged: boolean }>('POST', '/sim/carrier/abort', { number: trackingNumber });
      expect(acknowledged).toBe(true);
      expect((await orderView(orderId)).shipments[0]).toMatchObject({ status: 'in-transit', tracking: { subscription: 'aborted' } });
      expect(await simSubscription(trackingNumber)).toMatchObject({ status: 'abort' });
      expect(await sweep.runOnce()).toEqual({ attempted: 1, subscribed: 1, failed: [] });
      expect((await orderView(orderId)).shipments[0]).toMatchObject({ tracking: { subscription: 'active' } });
      expect(await simSubscription(trackingNumber)).toMatchObject({ status: 'polling', step: 1 });
      await advance(trackingNumber);
      const order = await orderView(orderId);
      expect(order.shipments[0]).toMatchObject({ status: 'in-transit', tracking: { subscription: 'active' } });
      expect(order.shipments[0]!.tracking!.timeline).toHaveLength(2);
    },
    TEST_TIMEOUT_MS,
  );
});
