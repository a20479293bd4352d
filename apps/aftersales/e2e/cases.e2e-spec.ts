import { verifyWebhook } from '@supply-hub/auth';
import {
  CaseEscalated,
  CaseStatusChanged,
  IssuanceStatusChanged,
  OrderAccepted,
  OrderRouted,
  QualitySignalRaised,
  RefundIssued,
  ReissueRequested,
  ReplacementRequested,
  ShipmentStatusChanged,
  TOPICS,
} from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { WebhookDeliveryWorker } from '@supply-hub/platform';
import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { integrationEnv, KafkaTestCollector, MallReceiver, TestClock, uniqueName, waitFor } from '@supply-hub/testing';
import { OrderedLineStore } from '@supply-hub/aftersales-data-access';
import { CaseEscalationSweeps } from '../src/cases/case-escalation-sweeps.service';
import { type DeliveredLine, lineDelivered, newOrderId, startAftersales, UpstreamEvents } from './aftersales-fixtures';

const KAFKA_WAIT_MS = 120_000;
jest.setTimeout(6 * 60_000);

interface CaseBody {
  caseId: string;
  status: string;
  resolution: string;
  returnParcel?: { warehouseId: string; rmaNumber: string; receivedQuantity?: number };
  refund?: { refundId: string; amountFen?: number };
  replacement?: { orderId?: string; status: string };
  reissue?: { status: string; verdict?: string };
  escalatedAt?: string;
  rejectionReason?: string;
  timeline: { status: string; actor: { kind: string; id?: string }; note?: string }[];
}

describe('aftersales cases on the real Kafka and FerretDB', () => {
  const clock = new TestClock();
  let service: TestService;
  let upstream: UpstreamEvents;
  let collector: KafkaTestCollector;
  let mallA: string;
  let mallB: string;
  let keyA: string;
  let keyB: string;
  let staff: string;

  beforeAll(async () => {
    service = await startAftersales(clock, { keepDatabase: true });
    upstream = await new UpstreamEvents().start();
    const kafka = createKafkaClient({ clientId: uniqueName('e2e-aftersales'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
    collector = await KafkaTestCollector.start(kafka, [TOPICS.cases, TOPICS.refunds, TOPICS.replacements, TOPICS.reissues, TOPICS.qualitySignals], { startAt: 'end' });
    mallA = uniqueName('mall-a');
    mallB = uniqueName('mall-b');
    keyA = await createTestApiKey(service, 'tenant', mallA);
    keyB = await createTestApiKey(service, 'tenant', mallB);
    staff = await testStaffToken(['operations'], 'lily');
  });

  afterAll(async () => {
    await collector?.stop();
    await upstream?.stop();
    await service?.close();
  });

  const open = (key: string, body: Record<string, unknown>) => service.http.post('/cases').set('X-Api-Key', key).send(body);
  const staffPost = (path: string, body: Record<string, unknown> = {}) => service.http.post(path).set('Authorization', `Bearer ${staff}`).send(body);
  const caseOf = async (key: string, caseId: string): Promise<CaseBody> => (await service.http.get(`/cases/${caseId}`).set('X-Api-Key', key).expect(200)).body;
  const eventsOf = (type: string, caseId: string) =>
    collector.messages.filter((message) => {
      const event = JSON.parse(message.value ?? '{}');
      return event.type === type && (event.data.caseId === caseId || event.data.origin?.caseId === caseId);
    });
  const waitForEvent = (type: string, caseId: string) =>
    collector.waitFor(
      (message) => {
        const event = JSON.parse(message.value ?? '{}');
        return event.type === type && (event.data.caseId === caseId || event.data.origin?.caseId === caseId);
      },
      { timeoutMs: KAFKA_WAIT_MS, message: `${type} for ${caseId}` },
    );

  async function delivered(tenantId: string, options: { quantity?: number; deliveredAt?: Date } = {}): Promise<DeliveredLine> {
    const line = await upstream.deliveredPhysicalLine(tenantId, { quantity: options.quantity ?? 2, deliveredAt: options.deliveredAt ?? clock.now(), unitPriceFen: 12_900 });
    await lineDelivered(service, line, options.quantity ?? 2);
    return line;
  }

  it('return with refund: label to the nearest warehouse, parcel sent, received, inspected, refunded once, confirmed', async () => {
    const line = await delivered(mallA);
    const opened = await open(keyA, {
      mallCaseId: uniqueName('AS'),
      orderId: line.orderId,
      lineId: '1',
      kind: 'return',
      reason: '七天无理由退货',
      quantity: 1,
      memberPaid: { points: 12900, cashFen: 0 },
    }).expect(201);
    const caseId: string = opened.body.caseId;
    expect(opened.body).toMatchObject({ status: 'opened', resolution: 'refund', needsReturn: true, quantity: 1 });
    expect(opened.headers.location).toBe(`/cases/${caseId}`);

    const approved = (await staffPost(`/staff/cases/${caseId}/approve`, { note: '同意退货' }).expect(200)).body as CaseBody;
    // 杭州 (330100) is nearest to 上海.
    expect(approved).toMatchObject({ status: 'return-label-issued', returnParcel: { warehouseId: 'wh-sh' } });
    expect(approved.timeline.map((entry) => entry.status)).toEqual(['opened', 'approved', 'return-label-issued']);

    await service.http.post(`/cases/${caseId}/return-shipment`).set('X-Api-Key', keyA).send({ carrier: 'SF', trackingNumber: 'SF1234567890' }).expect(200);
    // Only the warehouse on the label sees the return.
    const otherWarehouse = await createTestApiKey(service, 'warehouse', 'wh-bj');
    await service.http.post(`/warehouse/returns/${caseId}/receive`).set('X-Api-Key', otherWarehouse).send({ quantity: 1 }).expect(404);
    const shanghai = await createTestApiKey(service, 'warehouse', 'wh-sh');
    const expected = (await service.http.get('/warehouse/returns').set('X-Api-Key', shanghai).expect(200)).body.items as CaseBody[];
    expect(expected.map((item) => item.caseId)).toContain(caseId);
    await service.http.post(`/warehouse/returns/${caseId}/receive`).set('X-Api-Key', shanghai).send({ quantity: 1 }).expect(200);
    const inspected = (await service.http.post(`/warehouse/returns/${caseId}/inspect`).set('X-Api-Key', shanghai).send({ result: 'pass', notes: '包装完好' }).expect(200))
      .body as CaseBody;
    expect(inspected).toMatchObject({ status: 'resolved', refund: { refundId: caseId.replace('cas_', 'rfd_'), amountFen: 12_900 } });

    const refund = JSON.parse((await waitForEvent(RefundIssued.type, caseId)).value!);
    expect(refund).toMatchObject({
      tenantid: mallA,
      data: { orderId: line.orderId, lineId: '1', quantity: 1, amountFen: 12_900, memberRefund: { points: 12900, cashFen: 0 }, origin: { kind: 'case', caseId } },
    });
    // Inspecting again is a 409 and refunds nothing more.
    const again = await service.http.post(`/warehouse/returns/${caseId}/inspect`).set('X-Api-Key', shanghai).send({ result: 'pass', notes: 'again' }).expect(409);
    expect(again.body).toMatchObject({ type: expect.stringContaining('case-transition-refused') });
    await service.http.post(`/cases/${caseId}/confirm`).set('X-Api-Key', keyA).send({}).expect(200);
    expect((await caseOf(keyA, caseId)).status).toBe('closed');
    expect(eventsOf(RefundIssued.type, caseId)).toHaveLength(1);
  });

  it('a failed inspection rejects the refund with the warehouse’s reason and frees the units', async () => {
    const line = await delivered(mallA, { quantity: 1 });
    const caseId = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'return', reason: '不合适', quantity: 1 }).expect(201)).body.caseId;
    await staffPost(`/staff/cases/${caseId}/approve`).expect(200);
    const shanghai = await createTestApiKey(service, 'warehouse', 'wh-sh');
    await service.http.post(`/warehouse/returns/${caseId}/receive`).set('X-Api-Key', shanghai).send({ quantity: 1 }).expect(200);
    const failed = (await service.http.post(`/warehouse/returns/${caseId}/inspect`).set('X-Api-Key', shanghai).send({ result: 'fail', notes: '已使用，吊牌缺失' }).expect(200))
      .body as CaseBody;
    expect(failed).toMatchObject({ status: 'rejected', rejectionReason: 'the returned goods failed inspection: 已使用，吊牌缺失' });
    expect(failed.refund).toBeUndefined();
    // The unit is free again: a new case on it is taken.
    await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'quality', reason: '质量问题', quantity: 1 }).expect(201);
  });

  it('refuses a case after the window, and more units than delivered minus other cases', async () => {
    const deliveredAt = clock.now();
    const line = await delivered(mallA, { quantity: 2, deliveredAt });
    const tooMany = await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'return', reason: 'x', quantity: 3 }).expect(400);
    expect(tooMany.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'quantity', message: 'at most 2: 2 delivered' })]));
    await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'return', reason: 'x', quantity: 2 }).expect(201);
    const taken = await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'quality', reason: 'y', quantity: 1 }).expect(400);
    expect(JSON.stringify(taken.body)).toContain('at most 0: 2 delivered, 2 already in other cases');

    const late = await delivered(mallA, { quantity: 1, deliveredAt });
    clock.moveTo(deliveredAt, 7 * 24 + 1);
    const refused = await open(keyA, { mallCaseId: uniqueName('AS'), orderId: late.orderId, lineId: '1', kind: 'return', reason: 'x', quantity: 1 }).expect(409);
    expect(refused.body).toMatchObject({ type: expect.stringContaining('case-refused'), detail: expect.stringContaining('up to 7 days after delivery') });
  });

  it('damaged within 48 h with photos: approved at once, replacement asked for, resolved when shipped, signal raised, closed when delivered', async () => {
    const line = await delivered(mallA, { quantity: 1 });
    const body = { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'damaged', reason: '外箱破损', quantity: 1, photos: ['https://img.example.cn/1.jpg'] };
    const opened = (await open(keyA, body).expect(201)).body as CaseBody;
    expect(opened).toMatchObject({ status: 'resolving', resolution: 'replacement', replacement: { status: 'requested' } });
    expect(opened.timeline[1]).toMatchObject({ status: 'approved', actor: { kind: 'system' }, note: expect.stringContaining('within 48 h of delivery with photos') });
    // The same case opened again: the same answer, nothing new.
    expect((await open(keyA, body).expect(200)).body.caseId).toBe(opened.caseId);
    await open(keyA, { ...body, quantity: 1, reason: 'other' }).expect(409);

    const request = JSON.parse((await waitForEvent(ReplacementRequested.type, opened.caseId)).value!);
    expect(request.data).toMatchObject({ orderId: line.orderId, lineId: '1', skuId: line.skuId, quantity: 1 });

    // order-router's answer: a replacement order, delivered. Its parcel's event travels on the shipments
    // topic and is taken in here before the order's own events (the worst order they can come in).
    const replacementOrderId = newOrderId();
    const parcelId = `${replacementOrderId.replace('ord_', 'shp_')}-1`;
    await upstream.send(ShipmentStatusChanged, mallA, { shipmentId: parcelId, orderId: replacementOrderId, warehouseId: 'wh-sh', status: 'delivered', at: clock.now().toISOString() });
    const lines = service.app.get(OrderedLineStore);
    await waitFor(async () => (await lines.shipments.findOne({ _id: parcelId }))?.deliveredAt, { timeoutMs: KAFKA_WAIT_MS, message: 'the replacement parcel’s delivery to be taken in' });
    const replacement = await upstream.deliveredPhysicalLine(mallA, {
      orderId: replacementOrderId,
      quantity: 1,
      deliveredAt: clock.now(),
      replacement: { caseId: opened.caseId, orderId: line.orderId, lineId: '1' },
    });
    const signal = JSON.parse((await waitForEvent(QualitySignalRaised.type, opened.caseId)).value!);
    expect(signal.data).toMatchObject({ kind: 'damage', skuId: line.skuId, warehouseId: 'wh-sh', quantity: 1, orderId: line.orderId });
    await waitFor(async () => (await caseOf(keyA, opened.caseId)).status === 'closed', { timeoutMs: KAFKA_WAIT_MS, message: 'the case to close on delivery' });
    const closed = await caseOf(keyA, opened.caseId);
    expect(closed.replacement).toMatchObject({ orderId: replacement.orderId, status: 'delivered' });
    expect(closed.timeline.map((entry) => entry.status)).toEqual(expect.arrayContaining(['resolving', 'resolved', 'closed']));
    expect(eventsOf(QualitySignalRaised.type, opened.caseId)).toHaveLength(1);
  });

  it('missing with reship: a replacement nobody can ship becomes a refund, once, under redelivery and a restart', async () => {
    const line = await delivered(mallA, { quantity: 2 });
    const caseId = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'missing', reason: '少发一件', quantity: 1 }).expect(201)).body.caseId;
    expect((await staffPost(`/staff/cases/${caseId}/approve`).expect(200)).body).toMatchObject({ status: 'resolving', resolution: 'replacement' });
    await waitForEvent(ReplacementRequested.type, caseId);

    const replacementOrderId = newOrderId();
    await upstream.send(OrderAccepted, mallA, {
      orderId: replacementOrderId,
      mallOrderId: `replacement:${caseId}`,
      lines: [{ lineId: '1', skuId: line.skuId, quantity: 1, kind: 'physical', unitPriceFen: 12_900 }],
      cityCode: '330100',
      replacement: { caseId, orderId: line.orderId, lineId: '1' },
    });
    const refusal = await upstream.send(OrderRouted, mallA, {
      orderId: replacementOrderId,
      mallOrderId: `replacement:${caseId}`,
      parcels: [],
      backorderedLineIds: [],
      refusedLineIds: ['1'],
      virtualLineIds: [],
    });
    await waitForEvent(RefundIssued.type, caseId);
    const refunded = await caseOf(keyA, caseId);
    expect(refunded).toMatchObject({ status: 'resolved', resolution: 'refund', replacement: { orderId: replacementOrderId, status: 'refused' } });

    // Redelivered, then the service restarts on the same database and group, and it comes again.
    await upstream.resend(OrderRouted, refusal);
    await service.close();
    service = await startAftersales(clock, { consumeFrom: 'beginning', env: { MONGO_DB: service.databaseName, KAFKA_CONSUMER_GROUP: service.consumerGroup } });
    await upstream.resend(OrderRouted, refusal);
    // A marker after the redeliveries, on the same order (same key, partition, order): once aftersales took it
    // in, it had handled them.
    await upstream.send(OrderRouted, mallA, {
      orderId: replacementOrderId,
      mallOrderId: `replacement:${caseId}`,
      parcels: [{ shipmentId: 'shp_marker-1', kind: 'warehouse', warehouseId: 'wh-sh', lines: [{ lineId: '1', skuId: line.skuId, quantity: 1 }] }],
      backorderedLineIds: [],
      refusedLineIds: [],
      virtualLineIds: [],
    });
    const lines = service.app.get(OrderedLineStore);
    await waitFor(async () => (await lines.line(mallA, replacementOrderId, '1'))?.line.parcels.some((parcel) => parcel.shipmentId === 'shp_marker-1'), {
      timeoutMs: KAFKA_WAIT_MS,
      message: 'the restarted service to take in the marker after the redeliveries',
    });
    // Nor can staff refund it a second time.
    await staffPost(`/staff/cases/${caseId}/refund-instead`, { reason: 'again' }).expect(409);
    expect(eventsOf(RefundIssued.type, caseId)).toHaveLength(1);
    expect((await caseOf(keyA, caseId)).timeline.filter((entry) => entry.status === 'resolved')).toHaveLength(1);
  });

  it('staff refund a case whose replacement is not coming, once', async () => {
    const line = await delivered(mallA, { quantity: 1 });
    const caseId = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'wrong-item', reason: '发错颜色', quantity: 1 }).expect(201)).body.caseId;
    await staffPost(`/staff/cases/${caseId}/refund-instead`, { reason: 'too early' }).expect(409);
    await staffPost(`/staff/cases/${caseId}/approve`, { resolution: 'replacement' }).expect(200);
    const shanghai = await createTestApiKey(service, 'warehouse', 'wh-sh');
    await service.http.post(`/warehouse/returns/${caseId}/receive`).set('X-Api-Key', shanghai).send({ quantity: 1 }).expect(200);
    await service.http.post(`/warehouse/returns/${caseId}/inspect`).set('X-Api-Key', shanghai).send({ result: 'pass', notes: '确认发错' }).expect(200);
    await waitForEvent(ReplacementRequested.type, caseId);
    const refunded = (await staffPost(`/staff/cases/${caseId}/refund-instead`, { reason: '补发商品已停产' }).expect(200)).body as CaseBody;
    expect(refunded).toMatchObject({ status: 'resolved', resolution: 'refund', refund: { amountFen: 12_900 } });
    expect(refunded.timeline.some((entry) => entry.actor.kind === 'staff' && entry.note === '补发商品已停产')).toBe(true);
    const signal = JSON.parse((await waitForEvent(QualitySignalRaised.type, caseId)).value!);
    expect(signal.data).toMatchObject({ kind: 'wrong-item', skuId: line.skuId });
    await staffPost(`/staff/cases/${caseId}/refund-instead`, { reason: 'again' }).expect(409);
    await waitForEvent(RefundIssued.type, caseId);
    expect(eventsOf(RefundIssued.type, caseId)).toHaveLength(1);
  });

  it('invalid code: approved at once, reissued by virtual-codes, resolved with an invalid-code signal; a delivered original is rejected', async () => {
    const issued = clock.now();
    const code = await upstream.issuedVirtualLine(mallA, issued);
    await lineDelivered(service, code, 1);
    const caseId = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: code.orderId, lineId: '1', kind: 'invalid-code', reason: '卡密提示已使用', quantity: 1 }).expect(201)).body.caseId;
    expect((await caseOf(keyA, caseId)).status).toBe('resolving');
    const request = JSON.parse((await waitForEvent(ReissueRequested.type, caseId)).value!);
    expect(request.data).toMatchObject({ orderId: code.orderId, lineId: '1', quantity: 1 });
    await upstream.send(IssuanceStatusChanged, mallA, {
      issuanceId: `iss_re_${caseId}`,
      orderId: code.orderId,
      lineId: '1',
      status: 'issued',
      reissue: { caseId, verdict: 'not-verifiable' },
      at: clock.now().toISOString(),
    });
    const signal = JSON.parse((await waitForEvent(QualitySignalRaised.type, caseId)).value!);
    expect(signal.data).toMatchObject({ kind: 'invalid-code', skuId: code.skuId });
    expect(await caseOf(keyA, caseId)).toMatchObject({ status: 'resolved', reissue: { status: 'issued', verdict: 'not-verifiable' } });

    // A top-up the provider confirms it credited: the case is rejected with the provider's word, no refund.
    const topUp = await upstream.issuedVirtualLine(mallA, clock.now());
    await lineDelivered(service, topUp, 1);
    const second = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: topUp.orderId, lineId: '1', kind: 'invalid-code', reason: '未到账', quantity: 1 }).expect(201)).body.caseId;
    await waitForEvent(ReissueRequested.type, second);
    await upstream.send(IssuanceStatusChanged, mallA, {
      issuanceId: `iss_re_${second}`,
      orderId: topUp.orderId,
      lineId: '1',
      status: 'failed',
      reason: 'the provider confirms the original was credited',
      reissue: { caseId: second, verdict: 'confirmed-delivered' },
      at: clock.now().toISOString(),
    });
    await waitFor(async () => (await caseOf(keyA, second)).status === 'rejected', { timeoutMs: KAFKA_WAIT_MS, message: 'the case to be rejected on the provider’s word' });
    expect((await caseOf(keyA, second)).rejectionReason).toBe('the provider confirms the original was credited');
    expect(eventsOf(RefundIssued.type, second)).toHaveLength(0);
  });

  it('escalates a case nobody answered within 24 h, once; an answered case is not escalated', async () => {
    const line = await delivered(mallA, { quantity: 2 });
    const openedAt = clock.now();
    const waiting = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'quality', reason: '异响', quantity: 1 }).expect(201)).body.caseId;
    const answered = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'quality', reason: '异响', quantity: 1 }).expect(201)).body.caseId;
    await staffPost(`/staff/cases/${answered}/notes`, { note: '请补充视频' }).expect(200);
    const sweeps = service.app.get(CaseEscalationSweeps);

    clock.moveTo(openedAt, 23.9);
    expect((await sweeps.runOnce()).escalated).not.toContain(waiting);
    clock.moveTo(openedAt, 24.01);
    const report = await sweeps.runOnce();
    expect(report.escalated).toContain(waiting);
    expect(report.escalated).not.toContain(answered);
    expect((await sweeps.runOnce()).escalated).not.toContain(waiting);

    expect((await caseOf(keyA, waiting)).escalatedAt).toBeDefined();
    const event = JSON.parse((await waitForEvent(CaseEscalated.type, waiting)).value!);
    expect(event.data).toMatchObject({ caseId: waiting, openedAt: openedAt.toISOString() });
    const staffReport = (await service.http.get('/staff/cases/report').set('Authorization', `Bearer ${staff}`).expect(200)).body;
    expect(staffReport.escalatedWaiting.map((item: { caseId: string }) => item.caseId)).toContain(waiting);
    const metrics = (await service.http.get('/metrics').expect(200)).text;
    expect(Number(/^aftersales_cases_escalated_total(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(eventsOf(CaseEscalated.type, waiting)).toHaveLength(1);
  });

  it('walls malls off: another mall’s case and order line are 404s, and its list is its own', async () => {
    const line = await delivered(mallA, { quantity: 1 });
    const caseId = (await open(keyA, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'quality', reason: '起球', quantity: 1 }).expect(201)).body.caseId;
    await service.http.get(`/cases/${caseId}`).set('X-Api-Key', keyB).expect(404);
    await service.http.post(`/cases/${caseId}/withdraw`).set('X-Api-Key', keyB).send({}).expect(404);
    await open(keyB, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'quality', reason: 'x', quantity: 1 }).expect(404);
    const listB = (await service.http.get('/cases').set('X-Api-Key', keyB).expect(200)).body.items as CaseBody[];
    expect(listB.map((item) => item.caseId)).not.toContain(caseId);
    const listA = (await service.http.get(`/cases?orderId=${line.orderId}`).set('X-Api-Key', keyA).expect(200)).body.items as CaseBody[];
    expect(listA.map((item) => item.caseId)).toEqual([caseId]);
    await service.http.get('/cases').expect(401);
    await service.http.get('/staff/cases').set('X-Api-Key', keyA).expect(403);
  });

  it('tells the mall of its case changes and refunds by signed webhooks', async () => {
    const mall = await new MallReceiver().start();
    try {
      const endpoint = (
        await service.http
          .post('/webhook-endpoints')
          .set('X-Api-Key', keyB)
          .send({ url: `${mall.url}/hooks`, eventTypes: [CaseStatusChanged.type, RefundIssued.type] })
          .expect(201)
      ).body as { id: string; secret: string };
      const line = await delivered(mallB, { quantity: 1 });
      const caseId = (await open(keyB, { mallCaseId: uniqueName('AS'), orderId: line.orderId, lineId: '1', kind: 'damaged', reason: '破损', quantity: 1, resolution: 'refund', photos: ['https://img.example.cn/2.jpg'] }).expect(201)).body.caseId;
      const worker = service.app.get(WebhookDeliveryWorker);
      const deliveries = await waitFor(
        async () => {
          await worker.runOnce();
          const forCase = mall.received.filter((request) => request.body.includes(caseId));
          return forCase.length >= 5 ? forCase : undefined;
        },
        { timeoutMs: KAFKA_WAIT_MS, intervalMs: 200, message: 'the case’s four status changes and its refund to reach the mall' },
      );
      const events = deliveries.map((delivery) => {
        expect(verifyWebhook(endpoint.secret, delivery.headers['supplyhub-signature'] as string, delivery.body)).toMatchObject({ valid: true });
        return JSON.parse(delivery.body) as { type: string; tenantid: string; data: { status?: string } };
      });
      expect(events.every((event) => event.tenantid === mallB)).toBe(true);
      expect(events.filter((event) => event.type === CaseStatusChanged.type).map((event) => event.data.status).sort()).toEqual(['approved', 'opened', 'resolved', 'resolving']);
      expect(events.filter((event) => event.type === RefundIssued.type)).toHaveLength(1);
    } finally {
      await mall.stop();
    }
  });
});
