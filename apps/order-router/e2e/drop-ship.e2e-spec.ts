import { createEvent, ShipmentRequested, TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, type KafkaEventConsumer, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { createTestApiKey, type SpawnedService, spawnService, type TestService } from '@supply-hub/platform/testing';
import { createJdClient, JD_SANDBOX_CREDENTIALS, type JdClient } from '@supply-hub/supplier-clients';
import {
  JD_ORDER_MESSAGE_TYPES,
  JD_PATHS,
  JD_STOCK_STATES,
  jdGetNewStockResultSchema,
  jdGetPageNumResultSchema,
  jdMessageGetResultSchema,
  jdOrderAreaOf,
  jdSkuPageSchema,
  jdSkuStateResultSchema,
} from '@supply-hub/supplier-protocols';
import { integrationEnv, uniqueName, waitFor } from '@supply-hub/testing';
import { DropShipPoller } from '../src/drop-ship/drop-ship-poller.service';
import { sellableSku, 成都, startOrderRouter } from './order-fixtures';

interface ShipmentView {
  shipmentId: string;
  kind: string;
  supplierSourceId?: string;
  supplierOrderId?: string;
  status: string;
  dispatchBy: string;
  carrier?: string;
  trackingNumber?: string;
  trackingSubscribed?: boolean;
  tracking?: { status: string; final: boolean; timeline: { context: string; statusName: string }[] };
}

interface OrderView {
  orderId: string;
  status: string;
  lines: { lineId: string; skuId: string; status: string; reason?: string; shipmentId?: string }[];
  shipments: ShipmentView[];
  timeline: { status: string; note?: string }[];
}

interface SimJdOrder {
  jdOrderId: number;
  thirdOrder: string;
  confirmed: boolean;
  state: number;
  step: number;
  steps: number;
}

/**
 * Drop-ship (一件代发) end to end: order-router on the real Kafka and FerretDB, the JD sandbox
 * (supplier-sim in its own process) taking the orders. The sandbox's orders move only when the test
 * advances them, and the drop-ship poller runs only when the test runs it: nothing races.
 */
describe('drop-ship through the JD sandbox', () => {
  let sim: SpawnedService;
  let service: TestService;
  let jd: { client: JdClient; close(): void };
  let publisher: KafkaEventPublisher;
  let mallId: string;
  let mallKey: string;
  /** JD SKUs the sandbox sells in 成都 now, with their units. */
  let jdSkus: { skuId: number; units: number }[];
  let nextSku = 0;

  beforeAll(async () => {
    // No step timer: JD orders move only on POST /sim/jd/orders/advance.
    sim = await spawnService('apps/supplier-sim/src/main.ts', { SIM_SKUS: '2000', SIM_JD_ORDER_STEP_INTERVAL_MS: '0' });
    service = await startOrderRouter({
      env: {
        ROUTING_SWEEPS: 'false',
        WEBHOOK_DELIVERY_WORKER: 'false',
        CARRIER_TRACKING_SWEEP: 'false',
        // The tests run the poller themselves.
        DROP_SHIP_POLLER: 'false',
        SUPPLIER_SIM_URL: sim.url,
      },
    });
    // Orders are placed once the service consumes the shipments topic: on a busy machine joining the group
    // takes a while, and every wait below would pay for it.
    const consumer = service.app.get(KafkaEventsStrategy).unwrap<KafkaEventConsumer>();
    await waitFor(() => (consumer.assignment()[TOPICS.shipments]?.length ?? 0) > 0, {
      timeoutMs: 60_000,
      message: 'order-router to be assigned the partitions of the shipments topic',
    });
    mallId = uniqueName('mall');
    mallKey = await createTestApiKey(service, 'tenant', mallId);
    const { client, http } = createJdClient({ kind: 'jd', id: 'jd', baseUrl: `${sim.url}/jd/`, credentials: JD_SANDBOX_CREDENTIALS });
    jd = { client, close: () => http.close() };
    jdSkus = await sellableJdSkus(client);
    publisher = new KafkaEventPublisher(
      createKafkaClient({ clientId: uniqueName('e2e-redelivery'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') }),
    );
    await publisher.connect();
  }, 180_000);

  afterAll(async () => {
    await publisher?.disconnect();
    jd?.close();
    await service?.close();
    await sim?.stop();
  });

  /** Listed JD SKUs in stock in 成都 (the sandbox checks both when an order comes). */
  async function sellableJdSkus(client: JdClient): Promise<{ skuId: number; units: number }[]> {
    const [pool] = await client.call(JD_PATHS.getPageNum, {}, jdGetPageNumResultSchema);
    const { skuIds } = await client.call(JD_PATHS.getSkuByPage, { pageNum: pool!.page_num, pageNo: '1' }, jdSkuPageSchema);
    const batch = skuIds.slice(0, 100);
    const states = await client.call(JD_PATHS.skuState, { sku: batch.join(',') }, jdSkuStateResultSchema);
    const area = jdOrderAreaOf('510100')!;
    const stock = await client.call(
      JD_PATHS.getNewStockById,
      { skuNums: JSON.stringify(batch.map((skuId) => ({ skuId, num: 1 }))), area: `${area.province}_${area.city}_0` },
      jdGetNewStockResultSchema,
    );
    const listed = new Set(states.filter((state) => state.state === 1).map((state) => state.sku));
    return stock
      .filter((entry) => listed.has(entry.skuId) && entry.stockStateId === JD_STOCK_STATES.inStock && entry.remainNum > 1)
      .map((entry) => ({ skuId: entry.skuId, units: entry.remainNum }));
  }

  async function simJson<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  const jdOrdersOf = async (thirdOrder: string) =>
    (await simJson<{ orders: SimJdOrder[] }>('GET', `/sim/jd/orders?thirdOrder=${encodeURIComponent(thirdOrder)}`)).orders;
  const submitCalls = async () =>
    (await simJson<{ requests: { endpoints: Record<string, { requests: number }> } }>('GET', '/sim/stats')).requests.endpoints['jd order/submitOrder']
      ?.requests ?? 0;
  const advance = (thirdOrder: string) => simJson<SimJdOrder>('POST', '/sim/jd/orders/advance', { thirdOrder });
  const orderView = async (orderId: string) => (await service.http.get(`/orders/${orderId}`).set('X-Api-Key', mallKey).expect(200)).body as OrderView;
  const poll = () => service.app.get(DropShipPoller).runOnce();

  /** An order of one line that no warehouse holds and the JD SKU's offer can supply: a drop-ship parcel to JD. */
  async function dropShipOrder(options: { quantity?: number; jdSku?: { skuId: number; units: number } } = {}) {
    const jdSku = options.jdSku ?? jdSkus[nextSku++ % jdSkus.length]!;
    const quantity = options.quantity ?? 1;
    const skuId = await sellableSku(service, { dropShip: true, stock: Math.max(50, quantity), externalId: String(jdSku.skuId) });
    const placed = await service.http
      .post('/orders')
      .set('X-Api-Key', mallKey)
      .send({ mallOrderId: uniqueName('M'), lines: [{ skuId, quantity }], recipient: 成都 })
      .expect(201);
    expect(placed.body).toMatchObject({
      status: 'routed',
      lines: [{ status: 'drop-ship' }],
      shipments: [{ kind: 'drop-ship', supplierSourceId: 'jd', status: 'requested' }],
    });
    return { orderId: placed.body.orderId as string, shipmentId: placed.body.shipments[0].shipmentId as string, skuId, quantity };
  }

  async function acceptedShipment(orderId: string): Promise<ShipmentView> {
    return waitFor(
      async () => {
        const shipment = (await orderView(orderId)).shipments[0]!;
        return shipment.status === 'accepted' && shipment.supplierOrderId ? shipment : undefined;
      },
      { timeoutMs: 60_000, message: `the drop-ship parcel of ${orderId} to be accepted by JD` },
    );
  }

  it('submits once (even when the event comes twice), records the JD order id, then follows it to dispatched and delivered', async () => {
    expect(jdSkus.length).toBeGreaterThan(2);
    const submitsBefore = await submitCalls();
    const first = await dropShipOrder();
    const shipment = await acceptedShipment(first.orderId);

    const [jdOrder] = await jdOrdersOf(first.shipmentId);
    expect(jdOrder).toMatchObject({ thirdOrder: first.shipmentId, confirmed: true, state: 0, step: 0 });
    expect(shipment.supplierOrderId).toBe(String(jdOrder!.jdOrderId));
    let order = await orderView(first.orderId);
    expect(order).toMatchObject({ status: 'routed', lines: [{ status: 'drop-ship' }] });
    expect(order.timeline.at(-1)).toMatchObject({ status: 'shipment-accepted', note: expect.stringContaining(`as its order ${jdOrder!.jdOrderId}`) });

    // The same ShipmentRequested again (a relay that sent it twice; a new event id, so no ledger saves us).
    const again = createEvent(
      ShipmentRequested,
      {
        shipmentId: first.shipmentId,
        orderId: first.orderId,
        warehouseId: 'supplier:jd',
        lines: [{ lineId: '1', skuId: first.skuId, quantity: 1 }],
        recipient: 成都,
        dispatchBy: shipment.dispatchBy,
      },
      { source: '/order-router', tenantId: mallId },
    );
    await publisher.publish(ShipmentRequested, again);
    // A second drop-ship parcel's event has the same key (supplier:jd), so it is consumed after the
    // duplicate: once the second is accepted, the duplicate has been handled.
    const second = await dropShipOrder();
    await acceptedShipment(second.orderId);
    expect(await jdOrdersOf(first.shipmentId)).toHaveLength(1);
    expect(await submitCalls()).toBe(submitsBefore + 2);

    // JD hands the parcel to its line haul (发货完成): dispatched with carrier jd, tracking number = JD order id.
    await advance(first.shipmentId);
    expect(await poll()).toMatchObject({ dispatched: 1, failures: [] });
    order = await orderView(first.orderId);
    expect(order).toMatchObject({
      status: 'dispatched',
      lines: [{ status: 'dispatched' }],
      shipments: [
        {
          status: 'dispatched',
          carrier: 'jd',
          trackingNumber: String(jdOrder!.jdOrderId),
          trackingSubscribed: true,
          tracking: { status: 'in-transit', final: false },
        },
      ],
    });
    expect(order.timeline.at(-1)).toMatchObject({ status: 'shipment-dispatched' });
    expect(order.shipments[0]!.tracking!.timeline.map((checkpoint) => checkpoint.statusName)).toEqual(['处理中', '处理中', '在途']);

    // At the station, out with the courier, 妥投: JD queues a type-5 message, the poller delivers the parcel.
    for (let step = 2; step <= 4; step++) await advance(first.shipmentId);
    expect(await poll()).toMatchObject({ updates: 1, acknowledged: 1, delivered: 1, failures: [] });
    order = await orderView(first.orderId);
    expect(order).toMatchObject({
      status: 'delivered',
      lines: [{ status: 'delivered' }],
      shipments: [{ status: 'delivered', tracking: { status: 'delivered', final: true } }],
    });
    expect(order.shipments[0]!.tracking!.timeline).toHaveLength(6);
    expect(order.shipments[0]!.tracking!.timeline.at(-1)!.context).toMatch(/妥投/);
    expect(order.timeline.map((entry) => entry.status).slice(-3)).toEqual(['shipment-accepted', 'shipment-dispatched', 'shipment-delivered']);

    // The message was deleted: another pass finds nothing and changes nothing.
    expect(await jd.client.call(JD_PATHS.messageGet, { type: JD_ORDER_MESSAGE_TYPES.join(',') }, jdMessageGetResultSchema)).toEqual([]);
    expect(await poll()).toMatchObject({ updates: 0, delivered: 0, failures: [] });
    expect((await orderView(first.orderId)).timeline).toHaveLength(order.timeline.length);
  }, 240_000);

  it('backorders the line when JD rejects its order (拒收 at the door)', async () => {
    const placed = await dropShipOrder();
    await acceptedShipment(placed.orderId);
    await advance(placed.shipmentId);
    expect(await poll()).toMatchObject({ dispatched: 1 });

    await simJson('POST', '/sim/jd/orders/reject', { thirdOrder: placed.shipmentId, reason: '收货人拒绝签收' });
    expect(await poll()).toMatchObject({ updates: 1, acknowledged: 1, rejected: 1, failures: [] });
    const order = await orderView(placed.orderId);
    expect(order).toMatchObject({ status: 'backordered', shipments: [{ status: 'rejected', tracking: { final: true } }] });
    expect(order.lines[0]).toMatchObject({ status: 'backordered', reason: expect.stringContaining('rejected') });
    expect(order.lines[0]!.shipmentId).toBeUndefined();
    expect(order.timeline.at(-1)).toMatchObject({ status: 'shipment-rejected', note: expect.stringContaining('its lines backordered') });
  }, 180_000);

  it('backorders the line at once when JD refuses the order (too few units)', async () => {
    const short = jdSkus.find((sku) => sku.units < 99);
    expect(short).toBeDefined();
    const placed = await dropShipOrder({ jdSku: short, quantity: short!.units + 1 });
    const order = await waitFor(
      async () => {
        const view = await orderView(placed.orderId);
        return view.status === 'backordered' ? view : undefined;
      },
      { timeoutMs: 60_000, message: `the order ${placed.orderId} to be backordered after JD refused it` },
    );
    expect(order).toMatchObject({ shipments: [{ status: 'rejected' }], lines: [{ status: 'backordered', reason: expect.stringContaining('3008') }] });
    expect(await jdOrdersOf(placed.shipmentId)).toEqual([]);
  }, 180_000);
});
