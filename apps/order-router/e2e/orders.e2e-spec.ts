import { createEvent, IssuanceStatusChanged } from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { WarehouseStockStore } from '@supply-hub/orders-data-access';
import { createTestApiKey, type TestService } from '@supply-hub/platform/testing';
import { integrationEnv, uniqueName, waitFor } from '@supply-hub/testing';
import { sellableSku, stockUp, 哈尔滨, 成都, 深圳, startOrderRouter } from './order-fixtures';

describe('orders on the real Kafka and FerretDB', () => {
  let service: TestService;
  let mallA: string;
  let mallB: string;

  beforeAll(async () => {
    service = await startOrderRouter({
      env: { ROUTING_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false' },
    });
    mallA = await createTestApiKey(service, 'tenant', uniqueName('mall-a'));
    mallB = await createTestApiKey(service, 'tenant', uniqueName('mall-b'));
  });

  afterAll(async () => {
    await service?.close();
  });

  const place = (key: string, body: object) => service.http.post('/orders').set('X-Api-Key', key).send(body);

  describe('intake', () => {
    it('routes to the nearest warehouse holding every line, and says why', async () => {
      const skuId = await sellableSku(service);
      await stockUp(service, 'wh-bj', skuId, 10);
      await stockUp(service, 'wh-cd', skuId, 10);
      const answer = await place(mallA, { mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 2 }], recipient: 成都 }).expect(201);
      expect(answer.body).toMatchObject({
        status: 'routed',
        lines: [{ lineId: '1', status: 'reserved' }],
        shipments: [{ kind: 'warehouse', warehouseId: 'wh-cd', status: 'requested' }],
      });
      expect(answer.body.routing.rule).toBe('nearest-complete');
      expect(answer.body.routing.candidates.map((candidate: { warehouseId: string }) => candidate.warehouseId)[0]).toBe('wh-cd');
      expect(answer.body.timeline.map((entry: { status: string }) => entry.status)).toEqual(['accepted', 'routed']);
      const stock = await service.app.get(WarehouseStockStore).get('wh-cd', skuId);
      expect(stock).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
      expect((await service.app.get(WarehouseStockStore).get('wh-bj', skuId))?.reserved).toBe(0);
    });

    it('is idempotent on the mall order id: same body → same answer, another body → 409', async () => {
      const skuId = await sellableSku(service);
      await stockUp(service, 'wh-gz', skuId, 5);
      const body = { mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 1 }], recipient: 深圳 };
      const first = await place(mallA, body).expect(201);
      const again = await place(mallA, body).expect(200);
      expect(again.body.orderId).toBe(first.body.orderId);
      expect(again.body.shipments).toEqual(first.body.shipments);
      expect((await service.app.get(WarehouseStockStore).get('wh-gz', skuId))?.reserved).toBe(1);
      const conflict = await place(mallA, { ...body, lines: [{ skuId, quantity: 2 }] }).expect(409);
      expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
      // Another mall may use the same order id of its own.
      await place(mallB, body).expect(201);
    });

    it('names every problem of a bad order with its field', async () => {
      const delisted = uniqueName('sku');
      const answer = await place(mallA, {
        mallOrderId: uniqueName('M'),
        lines: [
          { skuId: delisted, quantity: 1 },
          { skuId: await sellableSku(service), quantity: 100 },
        ],
        recipient: { ...成都, mobile: '12345', province: '火星', city: '奥林匹斯' },
      }).expect(400);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      const paths = (answer.body.errors as { path: string }[]).map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['lines.0.skuId', 'lines.1.quantity', 'recipient.mobile']));
      expect(paths.some((path) => path.startsWith('recipient.province') || path.startsWith('recipient.city'))).toBe(true);
      await place(mallA, { mallOrderId: 'bad id with spaces', lines: [], recipient: 成都 }).expect(400);
    });

    it('splits over the fewest warehouses, drop-ships what none holds, backorders the rest', async () => {
      const [a, b, dropShipped, missing] = await Promise.all([
        sellableSku(service),
        sellableSku(service),
        sellableSku(service, { dropShip: true, stock: 50 }),
        sellableSku(service),
      ]);
      await stockUp(service, 'wh-bj', a, 3);
      await stockUp(service, 'wh-sh', b, 3);
      const answer = await place(mallA, {
        mallOrderId: uniqueName('M'),
        lines: [
          { skuId: a, quantity: 1 },
          { skuId: b, quantity: 1 },
          { skuId: dropShipped, quantity: 1 },
          { skuId: missing, quantity: 1 },
        ],
        recipient: 哈尔滨,
      }).expect(201);
      const kinds = (answer.body.shipments as { kind: string; warehouseId?: string; supplierSourceId?: string }[]).map(
        (shipment) => shipment.warehouseId ?? `supplier:${shipment.supplierSourceId}`,
      );
      expect(kinds).toEqual(['wh-bj', 'wh-sh', 'supplier:jd']);
      expect(answer.body.lines.map((line: { status: string }) => line.status)).toEqual(['reserved', 'reserved', 'drop-ship', 'backordered']);
      expect(answer.body.status).toBe('routed');
    });

    it('walls malls off: another mall neither reads nor lists nor cancels the order', async () => {
      const skuId = await sellableSku(service);
      await stockUp(service, 'wh-wh', skuId, 2);
      const placed = await place(mallA, { mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 1 }], recipient: 成都 }).expect(201);
      const orderId: string = placed.body.orderId;
      await service.http.get(`/orders/${orderId}`).set('X-Api-Key', mallA).expect(200);
      await service.http.get(`/orders/${orderId}`).set('X-Api-Key', mallB).expect(404);
      await service.http.post(`/orders/${orderId}/cancel`).set('X-Api-Key', mallB).send({ reason: '不要了' }).expect(404);
      const listB = await service.http.get('/orders?limit=100').set('X-Api-Key', mallB).expect(200);
      expect(listB.body.items.map((order: { orderId: string }) => order.orderId)).not.toContain(orderId);
      await service.http.get('/orders').expect(401);
    });

    it('lists newest first with cursor paging and a status filter', async () => {
      const mall = await createTestApiKey(service, 'tenant', uniqueName('mall-list'));
      const skuId = await sellableSku(service);
      await stockUp(service, 'wh-xa', skuId, 10);
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) {
        ids.push((await place(mall, { mallOrderId: `L-${index}`, lines: [{ skuId, quantity: 1 }], recipient: 成都 }).expect(201)).body.orderId);
      }
      const first = await service.http.get('/orders?limit=2').set('X-Api-Key', mall).expect(200);
      const second = await service.http.get(`/orders?limit=2&cursor=${first.body.nextCursor}`).set('X-Api-Key', mall).expect(200);
      const third = await service.http.get(`/orders?limit=2&cursor=${second.body.nextCursor}`).set('X-Api-Key', mall).expect(200);
      const seen = [...first.body.items, ...second.body.items, ...third.body.items].map((order: { orderId: string }) => order.orderId);
      expect(seen).toEqual([...ids].reverse());
      expect(third.body.nextCursor).toBeNull();
      expect((await service.http.get('/orders?status=cancelled').set('X-Api-Key', mall).expect(200)).body.items).toEqual([]);
      await service.http.get('/orders?cursor=nonsense').set('X-Api-Key', mall).expect(400);
    });
  });

  describe('virtual lines', () => {
    const virtualCodes = new KafkaEventPublisher(
      createKafkaClient({ clientId: uniqueName('e2e-virtual-codes'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') }),
    );
    beforeAll(() => virtualCodes.connect());
    afterAll(() => virtualCodes.disconnect());

    it('are handed to virtual-codes and show their issuance state when it arrives', async () => {
      const mallId = uniqueName('mall-v');
      const mall = await createTestApiKey(service, 'tenant', mallId);
      const topUp = await sellableSku(service, { family: 'virtual' });
      const card = await sellableSku(service, { family: 'virtual', subcategory: '视频会员' });
      await place(mall, { mallOrderId: uniqueName('V'), lines: [{ skuId: topUp, quantity: 1 }], recipient: 成都 }).expect(400);
      const placed = await place(mall, {
        mallOrderId: uniqueName('V'),
        lines: [
          { skuId: topUp, quantity: 1, account: '13912345678' },
          { skuId: card, quantity: 1 },
        ],
        recipient: 成都,
      }).expect(201);
      expect(placed.body).toMatchObject({ status: 'routed', shipments: [], lines: [{ status: 'issuing' }, { status: 'issuing' }] });
      const orderId: string = placed.body.orderId;
      const issuance = (lineId: string, status: 'issued' | 'failed', tenantId = mallId) =>
        createEvent(
          IssuanceStatusChanged,
          { issuanceId: `iss-${lineId}`, orderId, lineId, status, ...(status === 'failed' ? { reason: '运营商维护' } : {}), at: new Date().toISOString() },
          { source: '/virtual-codes', tenantId },
        );
      // Another tenant's event about this order changes nothing.
      await virtualCodes.publish(IssuanceStatusChanged, issuance('1', 'failed', 'someone-else'));
      await virtualCodes.publish(IssuanceStatusChanged, issuance('1', 'issued'));
      await virtualCodes.publish(IssuanceStatusChanged, issuance('2', 'failed'));
      const order = await waitFor(
        async () => {
          const answer = await service.http.get(`/orders/${orderId}`).set('X-Api-Key', mall).expect(200);
          // Two lines, two keys: their events may be consumed in either order.
          return answer.body.lines[0].status === 'issued' && answer.body.lines[1].status === 'issue-failed' ? answer.body : undefined;
        },
        { message: 'the issuance results on the order' },
      );
      expect(order.lines.map((line: { status: string }) => line.status)).toEqual(['issued', 'issue-failed']);
      expect(order.lines[1].reason).toBe('运营商维护');
      expect(order.status).toBe('delivered');
      expect(order.timeline.map((entry: { status: string }) => entry.status).sort()).toEqual(['accepted', 'line-failed', 'line-issued', 'routed']);
    });
  });

  describe('cancellation', () => {
    it('releases the reservations before dispatch and is refused after', async () => {
      const warehouseKey = await createTestApiKey(service, 'warehouse', 'wh-cd');
      const skuId = await sellableSku(service);
      await stockUp(service, 'wh-cd', skuId, 4);
      const stock = service.app.get(WarehouseStockStore);

      const cancelled = await place(mallA, { mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 3 }], recipient: 成都 }).expect(201);
      expect((await stock.get('wh-cd', skuId))?.available).toBe(1);
      const answer = await service.http.post(`/orders/${cancelled.body.orderId}/cancel`).set('X-Api-Key', mallA).send({ reason: '会员取消兑换' }).expect(200);
      expect(answer.body).toMatchObject({ status: 'cancelled', shipments: [{ status: 'cancelled' }] });
      expect(await stock.get('wh-cd', skuId)).toMatchObject({ onHand: 4, reserved: 0, available: 4, holds: [] });
      // Cancelling again changes nothing.
      await service.http.post(`/orders/${cancelled.body.orderId}/cancel`).set('X-Api-Key', mallA).send({ reason: '会员取消兑换' }).expect(200);
      expect((await stock.get('wh-cd', skuId))?.available).toBe(4);

      const shipped = await place(mallA, { mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 2 }], recipient: 成都 }).expect(201);
      const shipmentId: string = shipped.body.shipments[0].shipmentId;
      await service.http
        .post(`/warehouse/shipments/${shipmentId}/dispatch`)
        .set('X-Api-Key', warehouseKey)
        .send({ carrier: 'shunfeng', trackingNumber: 'SF1234567890' })
        .expect(200);
      expect(await stock.get('wh-cd', skuId)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
      const refused = await service.http.post(`/orders/${shipped.body.orderId}/cancel`).set('X-Api-Key', mallA).send({ reason: '太慢了' }).expect(409);
      expect(refused.body.code).toBe('order-not-cancellable');
      const order = await service.http.get(`/orders/${shipped.body.orderId}`).set('X-Api-Key', mallA).expect(200);
      expect(order.body).toMatchObject({ status: 'dispatched', lines: [{ status: 'dispatched' }], shipments: [{ status: 'dispatched', carrier: 'shunfeng' }] });
    });
  });

  describe('warehouses', () => {
    it('sets and adjusts stock with a reason, never below what is reserved', async () => {
      const key = await createTestApiKey(service, 'warehouse', 'wh-sh');
      const skuId = await sellableSku(service);
      await service.http.put(`/warehouse/stock/${skuId}`).set('X-Api-Key', key).send({ onHand: 5, reason: '盘点' }).expect(200);
      const added = await service.http.post(`/warehouse/stock/${skuId}/adjustments`).set('X-Api-Key', key).send({ delta: 3, reason: '入库' }).expect(200);
      expect(added.body).toMatchObject({ warehouseId: 'wh-sh', onHand: 8, reserved: 0, available: 8 });
      await place(mallA, {
        mallOrderId: uniqueName('M'),
        lines: [{ skuId, quantity: 6 }],
        recipient: { ...深圳, province: '上海', city: '上海市', district: '浦东新区' },
      }).expect(201);
      await service.http.put(`/warehouse/stock/${skuId}`).set('X-Api-Key', key).send({ onHand: 5, reason: '盘点' }).expect(409);
      await service.http.post(`/warehouse/stock/${skuId}/adjustments`).set('X-Api-Key', key).send({ delta: -3, reason: '破损' }).expect(409);
      await service.http.post(`/warehouse/stock/${skuId}/adjustments`).set('X-Api-Key', key).send({ delta: -2, reason: '破损' }).expect(200);
      expect((await service.http.get(`/warehouse/stock/${skuId}`).set('X-Api-Key', key).expect(200)).body).toMatchObject({
        onHand: 6,
        reserved: 6,
        available: 0,
      });
      await service.http.post(`/warehouse/stock/${skuId}/adjustments`).set('X-Api-Key', key).send({ delta: 0, reason: '?' }).expect(400);
      await service.http.put(`/warehouse/stock/${skuId}`).set('X-Api-Key', mallA).send({ onHand: 5, reason: '盘点' }).expect(403);
    });

    it('a rejected parcel is rerouted to the next best warehouse, its stock released', async () => {
      const chengdu = await createTestApiKey(service, 'warehouse', 'wh-cd');
      const xian = await createTestApiKey(service, 'warehouse', 'wh-xa');
      const skuId = await sellableSku(service);
      await stockUp(service, 'wh-cd', skuId, 5);
      await stockUp(service, 'wh-xa', skuId, 5);
      const placed = await place(mallA, { mallOrderId: uniqueName('M'), lines: [{ skuId, quantity: 2 }], recipient: 成都 }).expect(201);
      const first: string = placed.body.shipments[0].shipmentId;
      const pending = await service.http.get('/warehouse/shipments').set('X-Api-Key', chengdu).expect(200);
      expect(pending.body.items.map((item: { shipmentId: string }) => item.shipmentId)).toContain(first);
      // Another warehouse cannot touch it.
      await service.http.post(`/warehouse/shipments/${first}/reject`).set('X-Api-Key', xian).send({ reason: '不是我的' }).expect(404);

      await service.http.post(`/warehouse/shipments/${first}/reject`).set('X-Api-Key', chengdu).send({ reason: '货位破损' }).expect(200);
      const order = await service.http.get(`/orders/${placed.body.orderId}`).set('X-Api-Key', mallA).expect(200);
      expect(order.body.shipments.map((shipment: { warehouseId: string; status: string }) => [shipment.warehouseId, shipment.status])).toEqual([
        ['wh-cd', 'rejected'],
        ['wh-xa', 'requested'],
      ]);
      expect(order.body.lines[0]).toMatchObject({ status: 'reserved', shipmentId: order.body.shipments[1].shipmentId });
      expect(order.body.reroutings[0]).toMatchObject({ shipmentId: first, by: 'rejected', reason: '货位破损' });
      const stock = service.app.get(WarehouseStockStore);
      expect(await stock.get('wh-cd', skuId)).toMatchObject({ reserved: 0, available: 5 });
      expect(await stock.get('wh-xa', skuId)).toMatchObject({ reserved: 2, available: 3 });
      const xianQueue = await service.http.get('/warehouse/shipments?status=requested').set('X-Api-Key', xian).expect(200);
      expect(xianQueue.body.items.map((item: { shipmentId: string }) => item.shipmentId)).toContain(order.body.shipments[1].shipmentId);

      // Rejected by every warehouse that holds it: backordered (the mall's default policy).
      await service.http.post(`/warehouse/shipments/${order.body.shipments[1].shipmentId}/reject`).set('X-Api-Key', xian).send({ reason: '缺货' }).expect(200);
      const last = await service.http.get(`/orders/${placed.body.orderId}`).set('X-Api-Key', mallA).expect(200);
      expect(last.body).toMatchObject({ status: 'backordered', lines: [{ status: 'backordered' }] });
      expect(await stock.get('wh-xa', skuId)).toMatchObject({ reserved: 0, available: 5 });
    });
  });
});
