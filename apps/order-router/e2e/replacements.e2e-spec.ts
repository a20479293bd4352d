import { randomBytes } from 'node:crypto';
import {
  type CloudEvent,
  createEvent,
  DEAD_LETTER_HEADERS,
  deadLetterTopicOf,
  OrderAccepted,
  type OrderAcceptedData,
  OrderRouted,
  type OrderRoutedData,
  ReplacementRequested,
  type ReplacementRequestedData,
  ShipmentRequested,
  TOPICS,
} from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { OrderStore, SellableSkuRepository, WarehouseStockStore } from '@supply-hub/orders-data-access';
import { orderIdFor } from '@supply-hub/orders-domain';
import { createTestApiKey, type TestService } from '@supply-hub/platform/testing';
import { type CollectedMessage, integrationEnv, KafkaTestCollector, uniqueName } from '@supply-hub/testing';
import { sellableSku, stockUp, 成都, startOrderRouter } from './order-fixtures';

const caseId = () => `cas_${randomBytes(10).toString('hex')}`;
const replacementIdOf = (tenantId: string, id: string) => orderIdFor(tenantId, `replacement/${id}`);

function eventOf<T>(message: CollectedMessage): CloudEvent<T> & { tenantid?: string } {
  return JSON.parse(message.value ?? 'null') as CloudEvent<T> & { tenantid?: string };
}

/**
 * aftersales' replacement requests on the real Kafka and FerretDB: aftersales is played by a publisher on
 * the replacements topic; what order-router makes of them is read from its API and from the orders,
 * shipments and dead-letter topics.
 */
describe('replacement parcels aftersales asks for', () => {
  let service: TestService;
  let aftersales: KafkaEventPublisher;
  let published: KafkaTestCollector;
  const mallA = uniqueName('mall-a');
  const mallB = uniqueName('mall-b');
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    service = await startOrderRouter({ env: { ROUTING_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false' } });
    keyA = await createTestApiKey(service, 'tenant', mallA);
    keyB = await createTestApiKey(service, 'tenant', mallB);
    const kafka = createKafkaClient({ clientId: uniqueName('e2e-aftersales'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
    published = await KafkaTestCollector.start(kafka, [TOPICS.orders, TOPICS.shipments, deadLetterTopicOf(TOPICS.replacements)], { startAt: 'end' });
    aftersales = new KafkaEventPublisher(kafka);
    await aftersales.connect();
  });

  afterAll(async () => {
    await aftersales?.disconnect();
    await published?.stop();
    await service?.close();
  });

  const orderOf = (key: string, orderId: string) => service.http.get(`/orders/${orderId}`).set('X-Api-Key', key);
  const request = (tenantId: string, data: Partial<ReplacementRequestedData> & Pick<ReplacementRequestedData, 'caseId' | 'orderId' | 'skuId'>) =>
    createEvent(
      ReplacementRequested,
      { lineId: '1', quantity: 1, reason: '外包装破损，内胆碎裂', at: new Date().toISOString(), ...data },
      { source: '/aftersales', tenantId },
    );
  const acceptedFor = (id: string) => (message: CollectedMessage) =>
    message.topic === TOPICS.orders &&
    eventOf<OrderAcceptedData>(message).type === OrderAccepted.type &&
    eventOf<OrderAcceptedData>(message).data.replacement?.caseId === id;
  const routedOf = (orderId: string) => (message: CollectedMessage) =>
    message.topic === TOPICS.orders &&
    eventOf<OrderRoutedData>(message).type === OrderRouted.type &&
    eventOf<OrderRoutedData>(message).data.orderId === orderId;

  /** Mall A's order of one unit of a fresh SKU, shipped from 成都 and dispatched. */
  async function dispatchedOrder(): Promise<{ orderId: string; skuId: string }> {
    const skuId = await sellableSku(service);
    await stockUp(service, 'wh-cd', skuId, 1);
    const placed = await service.http
      .post('/orders')
      .set('X-Api-Key', keyA)
      .send({ mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 1 }], recipient: 成都 })
      .expect(201);
    expect(placed.body.shipments).toMatchObject([{ warehouseId: 'wh-cd' }]);
    const chengdu = await createTestApiKey(service, 'warehouse', 'wh-cd');
    await service.http
      .post(`/warehouse/shipments/${placed.body.shipments[0].shipmentId}/dispatch`)
      .set('X-Api-Key', chengdu)
      .send({ carrier: 'shunfeng', trackingNumber: `SF${Date.now()}` })
      .expect(200);
    return { orderId: placed.body.orderId, skuId };
  }

  it('ships the line again as an order of the same mall, routed to a warehouse with stock, once however often it is asked', async () => {
    const original = await dispatchedOrder();
    // 成都 is empty now (its unit went out); 北京 holds the SKU, 西安 (nearer) does not.
    await stockUp(service, 'wh-bj', original.skuId, 4);
    const first = caseId();
    const event = request(mallA, { caseId: first, orderId: original.orderId, skuId: original.skuId });
    await aftersales.publish(ReplacementRequested, event);

    const accepted = eventOf<OrderAcceptedData>(await published.waitFor(acceptedFor(first), { message: 'OrderAccepted of the replacement' }));
    const replacementId = replacementIdOf(mallA, first);
    expect(accepted.tenantid).toBe(mallA);
    expect(accepted.data).toEqual({
      orderId: replacementId,
      mallOrderId: `replacement/${first}`,
      lines: [{ lineId: '1', skuId: original.skuId, quantity: 1, kind: 'physical', unitPriceFen: 29_900 }],
      cityCode: '510100',
      replacement: { caseId: first, orderId: original.orderId, lineId: '1' },
    });
    const routed = eventOf<OrderRoutedData>(await published.waitFor(routedOf(replacementId), { message: 'OrderRouted of the replacement' }));
    expect(routed.tenantid).toBe(mallA);
    expect(routed.data.parcels).toEqual([
      expect.objectContaining({ kind: 'warehouse', warehouseId: 'wh-bj', lines: [{ lineId: '1', skuId: original.skuId, quantity: 1 }] }),
    ]);
    const shipmentId = routed.data.parcels[0]!.shipmentId;
    await published.waitFor(
      (message) =>
        message.topic === TOPICS.shipments &&
        message.key === 'wh-bj' &&
        eventOf(message).type === ShipmentRequested.type &&
        message.value!.includes(shipmentId),
      {
        message: 'ShipmentRequested of the replacement parcel to 北京',
      },
    );

    const view = (await orderOf(keyA, replacementId).expect(200)).body;
    expect(view).toMatchObject({
      orderId: replacementId,
      status: 'routed',
      replacementFor: { caseId: first, orderId: original.orderId, lineId: '1' },
      recipient: expect.objectContaining({ name: 成都.name, mobile: 成都.mobile, address: 成都.address, cityCode: '510100' }),
      lines: [{ lineId: '1', skuId: original.skuId, quantity: 1, status: 'reserved', title: '九阳豆浆机 DJ13B', unitPriceFen: 29_900 }],
      shipments: [{ shipmentId, warehouseId: 'wh-bj', status: 'requested' }],
    });
    expect(view.timeline[0].note).toContain(first);
    expect((await orderOf(keyA, original.orderId).expect(200)).body).not.toHaveProperty('replacementFor');
    await orderOf(keyB, replacementId).expect(404);
    const stock = service.app.get(WarehouseStockStore);
    expect(await stock.get('wh-bj', original.skuId)).toMatchObject({ reserved: 1, available: 3 });

    // Redelivered (same event id) and asked again (a new event for the same case): nothing new. A request for
    // another case on the same order follows on the same partition (keyed by the original order id), so once
    // it is routed the two before it have been handled.
    await aftersales.publish(ReplacementRequested, event, request(mallA, { caseId: first, orderId: original.orderId, skuId: original.skuId, quantity: 1 }));
    const marker = caseId();
    await aftersales.publish(ReplacementRequested, request(mallA, { caseId: marker, orderId: original.orderId, skuId: original.skuId }));
    await published.waitFor(routedOf(replacementIdOf(mallA, marker)), { message: 'OrderRouted of the second case' });

    expect(published.messages.filter(acceptedFor(first))).toHaveLength(1);
    expect(published.messages.filter(routedOf(replacementId))).toHaveLength(1);
    const after = (await orderOf(keyA, replacementId).expect(200)).body;
    expect(after.shipments).toHaveLength(1);
    expect(after.timeline).toEqual(view.timeline);
    // One unit for each case, no more.
    expect(await stock.get('wh-bj', original.skuId)).toMatchObject({ reserved: 2, available: 2 });
  });

  it("dead-letters a request naming another mall's order and makes no order of it", async () => {
    const original = await dispatchedOrder();
    await stockUp(service, 'wh-bj', original.skuId, 4);
    const foreign = caseId();
    const event = request(mallB, { caseId: foreign, orderId: original.orderId, skuId: original.skuId });
    await aftersales.publish(ReplacementRequested, event);

    const letter = await published.waitFor((message) => message.topic === deadLetterTopicOf(TOPICS.replacements) && eventOf(message).id === event.id, {
      message: "the dead letter of mall B's request",
    });
    expect(letter.headers[DEAD_LETTER_HEADERS.errorCode]).toBe('not-found');
    expect(letter.headers[DEAD_LETTER_HEADERS.consumerGroup]).toBe(service.consumerGroup);
    expect(letter.headers[DEAD_LETTER_HEADERS.attempts]).toBe('1');
    expect(published.messages.filter(acceptedFor(foreign))).toEqual([]);
    expect(await service.app.get(OrderStore).getAny(replacementIdOf(mallB, foreign))).toBeNull();
    expect(await service.app.get(OrderStore).getAny(replacementIdOf(mallA, foreign))).toBeNull();
    expect((await service.app.get(WarehouseStockStore).get('wh-bj', original.skuId))?.reserved).toBe(0);
  });

  it('refuses, without shipping from stock, a line whose SKU the catalog no longer sells', async () => {
    const original = await dispatchedOrder();
    await stockUp(service, 'wh-bj', original.skuId, 4);
    await service.app
      .get(SellableSkuRepository)
      .applyIfNewer(original.skuId, 2, { sellable: false, delistedReason: '质检不合格', bestOffer: null, stock: 0 }, new Date());
    const delisted = caseId();
    await aftersales.publish(ReplacementRequested, request(mallA, { caseId: delisted, orderId: original.orderId, skuId: original.skuId }));

    const replacementId = replacementIdOf(mallA, delisted);
    const routed = eventOf<OrderRoutedData>(await published.waitFor(routedOf(replacementId), { message: 'OrderRouted of the refused replacement' }));
    expect(routed.data).toMatchObject({ parcels: [], refusedLineIds: ['1'], backorderedLineIds: [] });
    const view = (await orderOf(keyA, replacementId).expect(200)).body;
    expect(view).toMatchObject({ status: 'refused', shipments: [], lines: [{ status: 'refused', reason: expect.stringContaining('质检不合格') }] });
    expect((await service.app.get(WarehouseStockStore).get('wh-bj', original.skuId))?.reserved).toBe(0);
  });

  it("refuses, never backorders, a replacement nobody can ship, whatever the original order's policy", async () => {
    // Placed with the default policy (backorder); its only unit went out, and no warehouse or supplier has another.
    const original = await dispatchedOrder();
    const empty = caseId();
    await aftersales.publish(ReplacementRequested, request(mallA, { caseId: empty, orderId: original.orderId, skuId: original.skuId }));

    const replacementId = replacementIdOf(mallA, empty);
    const routed = eventOf<OrderRoutedData>(await published.waitFor(routedOf(replacementId), { message: 'OrderRouted of the unshippable replacement' }));
    expect(routed.data).toMatchObject({ parcels: [], refusedLineIds: ['1'], backorderedLineIds: [] });
    expect((await orderOf(keyA, original.orderId).expect(200)).body.unavailablePolicy).toBe('backorder');
    const view = (await orderOf(keyA, replacementId).expect(200)).body;
    expect(view).toMatchObject({ status: 'refused', unavailablePolicy: 'refuse', lines: [{ status: 'refused', reason: expect.any(String) }] });
  });

  it("keeps malls' own order ids out of the replacement ids", async () => {
    const skuId = await sellableSku(service);
    await service.http
      .post('/orders')
      .set('X-Api-Key', keyA)
      .send({ mallOrderId: `replacement/${caseId()}`, lines: [{ skuId, quantity: 1 }], recipient: 成都 })
      .expect(400);
  });
});
