import { ShipmentSlaFlagged } from '@supply-hub/contracts';
import { WarehouseStockStore } from '@supply-hub/orders-data-access';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type TestService, testStaffToken, withGlobalProviders } from '@supply-hub/platform/testing';
import { integrationEnv, KafkaTestCollector, TestClock, uniqueName, waitFor } from '@supply-hub/testing';
import { AppModule } from '../src/app.module';
import { ORDER_CLOCK_OVERRIDE } from '../src/orders/orders.tokens';
import { ShipmentDeadlineSweeps } from '../src/sla/shipment-deadline-sweeps.service';
import { sellableSku, stockUp, 成都, 深圳, startOrderRouter } from './order-fixtures';

const HOUR = 3_600_000;

const start = (clock: TestClock, env: Record<string, string>) =>
  startOrderRouter({
    module: withGlobalProviders(AppModule, [{ provide: ORDER_CLOCK_OVERRIDE, useValue: clock }]),
    env: { WEBHOOK_DELIVERY_WORKER: 'false', ...env },
  });

/** A sample of a metric on /metrics whose labels include `labels`; undefined when there is none. */
async function metric(service: TestService, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = (await service.http.get('/metrics').expect(200)).text;
  for (const line of text.split('\n')) {
    const match = /^([a-z_0-9]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/([a-z_]+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

interface ShipmentBody {
  shipmentId: string;
  warehouseId: string;
  status: string;
  slaFlag?: string;
}

describe('the 48-hour dispatch promise on the real Kafka and FerretDB', () => {
  const clock = new TestClock();
  let service: TestService;
  let mall: string;
  let chengdu: string;
  let shenzhen: string;
  let published: KafkaTestCollector;
  const orderOf = async (orderId: string) => (await service.http.get(`/orders/${orderId}`).set('X-Api-Key', mall).expect(200)).body;
  const place = async (skuId: string, recipient = 成都) =>
    (
      await service.http
        .post('/orders')
        .set('X-Api-Key', mall)
        .send({ mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 1 }], recipient })
        .expect(201)
    ).body;
  const sweep = () => service.app.get(ShipmentDeadlineSweeps).runOnce();

  beforeAll(async () => {
    // Sweeps off: the tests run them at the clock's time, so each step is exact.
    service = await start(clock, { ROUTING_SWEEPS: 'false' });
    mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    chengdu = await createTestApiKey(service, 'warehouse', 'wh-cd');
    shenzhen = await createTestApiKey(service, 'warehouse', 'wh-gz');
    const kafka = createKafkaClient({ clientId: uniqueName('e2e-sla'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
    published = await KafkaTestCollector.start(kafka, ShipmentSlaFlagged.topic, { startAt: 'end' });
  });

  afterAll(async () => {
    await published?.stop();
    await service?.close();
  });

  it('flags at 36 h (event, timeline, metric), records the breach after 48 h and escalates, each once', async () => {
    const skuId = await sellableSku(service);
    await stockUp(service, 'wh-cd', skuId, 5);
    const placed = await place(skuId);
    const ordered = new Date(placed.createdAt);
    const shipmentId: string = placed.shipments[0].shipmentId;
    expect(placed.shipments[0]).toMatchObject({ warehouseId: 'wh-cd', dispatchBy: new Date(ordered.getTime() + 48 * HOUR).toISOString() });
    await service.http.post(`/warehouse/shipments/${shipmentId}/accept`).set('X-Api-Key', chengdu).expect(200);
    const atRiskBefore = (await metric(service, 'shipment_sla_at_risk_total', { warehouse: 'wh-cd' }))!;
    const breachedBefore = (await metric(service, 'shipment_sla_breached_total', { warehouse: 'wh-cd' }))!;
    expect(atRiskBefore).toBeDefined();

    clock.moveTo(ordered, 35.99);
    expect((await sweep()).flagged).toEqual([]);

    const at36 = clock.moveTo(ordered, 36);
    const first = await sweep();
    expect(first.flagged).toEqual([{ shipmentId, orderId: placed.orderId, warehouseId: 'wh-cd', level: 'at-risk' }]);
    expect(await sweep()).toMatchObject({ flagged: [], rerouted: [], escalated: [] });
    const atRisk = await orderOf(placed.orderId);
    expect(atRisk.shipments[0]).toMatchObject({ status: 'accepted', slaFlag: 'at-risk' });
    expect(atRisk.timeline.filter((entry: { status: string }) => entry.status === 'shipment-at-risk')).toEqual([
      expect.objectContaining({ at: at36.toISOString(), note: expect.stringContaining(shipmentId) }),
    ]);
    expect(await metric(service, 'shipment_sla_at_risk_total', { warehouse: 'wh-cd' })).toBe(atRiskBefore + 1);

    // Stored with the flag (outbox) and relayed to Kafka, where the webhook consumer forwards it to the mall.
    const flaggedEvent = async (level: string) =>
      JSON.parse(
        (
          await published.waitFor(
            (message) => {
              const event = JSON.parse(message.value ?? '{}');
              return event.type === ShipmentSlaFlagged.type && event.data?.shipmentId === shipmentId && event.data?.level === level;
            },
            { message: `a ${level} ShipmentSlaFlagged for ${shipmentId} on Kafka` },
          )
        ).value!,
      );
    expect(await flaggedEvent('at-risk')).toMatchObject({
      tenantid: expect.any(String),
      data: { shipmentId, orderId: placed.orderId, warehouseId: 'wh-cd', level: 'at-risk', at: at36.toISOString() },
    });

    clock.moveTo(ordered, 48);
    expect((await sweep()).flagged).toEqual([]); // a dispatch at dispatchBy itself is in time
    clock.moveTo(ordered, 48.01);
    const breach = await sweep();
    expect(breach.flagged).toEqual([expect.objectContaining({ shipmentId, level: 'breached' })]);
    expect(breach.escalated).toEqual([expect.objectContaining({ shipmentId })]);
    expect(breach.rerouted).toEqual([]);
    expect(await sweep()).toMatchObject({ flagged: [], escalated: [] });
    const breached = await orderOf(placed.orderId);
    expect(breached.shipments).toEqual([expect.objectContaining({ warehouseId: 'wh-cd', status: 'accepted', slaFlag: 'breached' })]);
    expect(breached.timeline.filter((entry: { status: string }) => entry.status === 'shipment-sla-breached')).toEqual([
      expect.objectContaining({ note: expect.stringContaining('escalated to operations') }),
    ]);
    expect(await metric(service, 'shipment_sla_breached_total', { warehouse: 'wh-cd' })).toBe(breachedBefore + 1);
    await flaggedEvent('breached');
    // One event per flag (a relay may repeat a message, under the same event id).
    const flagEvents = published.messages
      .map((message) => JSON.parse(message.value ?? '{}'))
      .filter((event) => event.type === ShipmentSlaFlagged.type && event.data.shipmentId === shipmentId);
    expect(new Set(flagEvents.map((event) => event.id)).size).toBe(2);

    // Dispatched late after all: nothing more is due.
    await service.http
      .post(`/warehouse/shipments/${shipmentId}/dispatch`)
      .set('X-Api-Key', chengdu)
      .send({ carrier: 'shunfeng', trackingNumber: 'SF0000000001' })
      .expect(200);
    expect(await sweep()).toMatchObject({ flagged: [], rerouted: [] });
  });

  it('reroutes a parcel nobody accepted within SHIPMENT_ACCEPT_TIMEOUT_MS to the next best warehouse', async () => {
    const skuId = await sellableSku(service);
    await stockUp(service, 'wh-cd', skuId, 5);
    await stockUp(service, 'wh-xa', skuId, 5);
    const placed = await place(skuId);
    const requested = new Date(placed.shipments[0].requestedAt);
    const reroutesBefore = (await metric(service, 'shipment_deadline_reroutes_total', { warehouse: 'wh-cd', reason: 'not-accepted' })) ?? 0;

    clock.moveTo(requested, 3.99);
    expect((await sweep()).rerouted).toEqual([]);
    clock.moveTo(requested, 4); // the default timeout
    expect((await sweep()).rerouted).toEqual([expect.objectContaining({ shipmentId: placed.shipments[0].shipmentId, by: 'not-accepted' })]);
    expect((await sweep()).rerouted).toEqual([]);

    const order = await orderOf(placed.orderId);
    expect(order.shipments.map((shipment: ShipmentBody) => [shipment.warehouseId, shipment.status])).toEqual([
      ['wh-cd', 'rejected'],
      ['wh-xa', 'requested'],
    ]);
    expect(order.reroutings).toEqual([expect.objectContaining({ shipmentId: placed.shipments[0].shipmentId, by: 'not-accepted' })]);
    const stock = service.app.get(WarehouseStockStore);
    expect(await stock.get('wh-cd', skuId)).toMatchObject({ reserved: 0 });
    expect(await stock.get('wh-xa', skuId)).toMatchObject({ reserved: 1 });
    expect(await metric(service, 'shipment_deadline_reroutes_total', { warehouse: 'wh-cd', reason: 'not-accepted' })).toBe(reroutesBefore + 1);
    // Out of the way of the tests after this one, which move the clock further.
    await service.http.post(`/orders/${placed.orderId}/cancel`).set('X-Api-Key', mall).send({ reason: 'e2e' }).expect(200);
  });

  it('reports the dispatch-within-48h rate per warehouse, and serves it as a gauge', async () => {
    const skuId = await sellableSku(service);
    await stockUp(service, 'wh-gz', skuId, 10);
    const [inTime, late, open] = [await place(skuId, 深圳), await place(skuId, 深圳), await place(skuId, 深圳)];
    const ordered = new Date(inTime.createdAt);
    const dispatch = (order: { shipments: ShipmentBody[] }, trackingNumber: string) =>
      service.http
        .post(`/warehouse/shipments/${order.shipments[0]!.shipmentId}/dispatch`)
        .set('X-Api-Key', shenzhen)
        .send({ carrier: 'zhongtong', trackingNumber })
        .expect(200);
    for (const order of [inTime, late, open]) {
      await service.http.post(`/warehouse/shipments/${order.shipments[0].shipmentId}/accept`).set('X-Api-Key', shenzhen).expect(200);
    }
    clock.moveTo(ordered, 47);
    await dispatch(inTime, 'ZT0000000001');
    clock.moveTo(ordered, 50);
    const breachedAt50 = await sweep();
    expect(breachedAt50.flagged.map((flagged) => `${flagged.orderId} ${flagged.level}`).sort()).toEqual(
      [`${late.orderId} breached`, `${open.orderId} breached`].sort(),
    );
    await dispatch(late, 'ZT0000000002');

    const staff = await testStaffToken(['operations']);
    const dispatchBy = new Date(inTime.shipments[0].dispatchBy);
    const window = `from=${new Date(dispatchBy.getTime() - HOUR).toISOString()}&to=${new Date(dispatchBy.getTime() + HOUR).toISOString()}`;
    const report = await service.http.get(`/reports/dispatch-sla?${window}`).set('Authorization', `Bearer ${staff}`).expect(200);
    const row = report.body.warehouses.find((candidate: { warehouseId: string }) => candidate.warehouseId === 'wh-gz');
    expect(row).toEqual({
      warehouseId: 'wh-gz',
      due: 3,
      dispatchedInTime: 1,
      dispatchedLate: 1,
      openPastDeadline: 1,
      reroutedAfterBreach: 0,
      openInTime: 0,
      handedBack: 0,
      rate: 0.3333,
    });
    expect(report.body.warehouses.map((candidate: { warehouseId: string }) => candidate.warehouseId)).toEqual(
      expect.arrayContaining(['wh-bj', 'wh-sh', 'wh-gz', 'wh-wh', 'wh-cd', 'wh-xa']),
    );
    expect(report.body.at).toBe(clock.now().toISOString());
    // Dispatched parcels only: one of two left in time.
    expect(await metric(service, 'shipment_dispatch_within_48h_ratio', { warehouse: 'wh-gz' })).toBe(0.5);

    await service.http.get(`/reports/dispatch-sla?${window}`).expect(401);
    await service.http.get(`/reports/dispatch-sla?${window}`).set('X-Api-Key', mall).expect(403);
    await service.http
      .get(`/reports/dispatch-sla?${window}`)
      .set('Authorization', `Bearer ${await testStaffToken(['curator'])}`)
      .expect(403);
    for (const bad of [
      '',
      'from=yesterday&to=2026-11-23T00:00:00Z',
      'from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z',
      'from=2026-01-01T00:00:00Z&to=2026-11-23T00:00:00Z',
    ]) {
      const answer = await service.http.get(`/reports/dispatch-sla?${bad}`).set('Authorization', `Bearer ${staff}`).expect(400);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await service.http.post(`/orders/${open.orderId}/cancel`).set('X-Api-Key', mall).send({ reason: 'e2e' }).expect(200);
  });
});

describe('SLA_BREACH_POLICY=reroute, with the sweep on its timer', () => {
  const clock = new TestClock();
  let service: TestService;

  beforeAll(async () => {
    service = await start(clock, { ROUTING_SWEEPS: 'true', DEADLINE_SWEEP_INTERVAL_MS: '100', SLA_BREACH_POLICY: 'reroute' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('the timer flags at 36 h and, after 48 h, moves the parcel to the next best warehouse once', async () => {
    const mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    const chengdu = await createTestApiKey(service, 'warehouse', 'wh-cd');
    const skuId = await sellableSku(service);
    await stockUp(service, 'wh-cd', skuId, 5);
    await stockUp(service, 'wh-xa', skuId, 5);
    const placed = (
      await service.http
        .post('/orders')
        .set('X-Api-Key', mall)
        .send({ mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 1 }], recipient: 成都 })
        .expect(201)
    ).body;
    const ordered = new Date(placed.createdAt);
    const first: string = placed.shipments[0].shipmentId;
    await service.http.post(`/warehouse/shipments/${first}/accept`).set('X-Api-Key', chengdu).expect(200);
    const shipments = async () => (await service.http.get(`/orders/${placed.orderId}`).set('X-Api-Key', mall).expect(200)).body.shipments as ShipmentBody[];

    clock.moveTo(ordered, 36.5);
    await waitFor(async () => (await shipments())[0]?.slaFlag === 'at-risk', { message: 'the timer to flag the parcel at risk' });

    clock.moveTo(ordered, 48.5);
    const moved = await waitFor(
      async () => {
        const now = await shipments();
        // The successor is flagged in the same sweep: wait for that too, so the state below is final.
        return now.length === 2 && now[1]!.slaFlag === 'breached' ? now : undefined;
      },
      { message: 'the breached parcel to be rerouted' },
    );
    expect(moved.map((shipment) => [shipment.warehouseId, shipment.status, shipment.slaFlag])).toEqual([
      ['wh-cd', 'rejected', 'breached'],
      ['wh-xa', 'requested', 'breached'],
    ]);
    const order = (await service.http.get(`/orders/${placed.orderId}`).set('X-Api-Key', mall).expect(200)).body;
    expect(order.reroutings).toEqual([expect.objectContaining({ shipmentId: first, by: 'sla-breached' })]);
    expect((await service.app.get(WarehouseStockStore).get('wh-xa', skuId))?.reserved).toBe(1);
    // The next sweeps at the same time change nothing: the successor is not bounced on.
    expect(await service.app.get(ShipmentDeadlineSweeps).runOnce()).toMatchObject({ flagged: [], rerouted: [] });
    expect(await metric(service, 'shipment_deadline_reroutes_total', { warehouse: 'wh-cd', reason: 'sla-breached' })).toBe(1);
  });
});
