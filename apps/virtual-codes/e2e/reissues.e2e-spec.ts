import { randomBytes } from 'node:crypto';
import { IssuanceStore } from '@supply-hub/codes-data-access';
import {
  type CloudEvent,
  createEvent,
  DEAD_LETTER_HEADERS,
  deadLetterTopicOf,
  type IssuanceStatusChangedData,
  ReissueRequested,
  type ReissueRequestedData,
  TOPICS,
} from '@supply-hub/contracts';
import { createKafkaClient, KafkaEventPublisher, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, testStaffToken, type TestService } from '@supply-hub/platform/testing';
import { type CollectedMessage, integrationEnv, KafkaTestCollector, uniqueName } from '@supply-hub/testing';
import { startVirtualCodes, VirtualLineSender } from './codes-fixtures';

const caseIdOf = () => `cas_${randomBytes(10).toString('hex')}`;

function eventOf<T>(message: CollectedMessage): CloudEvent<T> & { tenantid?: string } {
  return JSON.parse(message.value ?? 'null') as CloudEvent<T> & { tenantid?: string };
}

/**
 * aftersales' reissue requests on the real Kafka and FerretDB: aftersales is played by a publisher on the
 * reissues topic; what virtual-codes makes of them is read from its API and from the issuances, refunds
 * and dead-letter topics.
 */
describe('virtual-codes: reissues aftersales asks for', () => {
  let service: TestService;
  let orderRouter: VirtualLineSender;
  let aftersales: KafkaEventPublisher;
  let collector: KafkaTestCollector;
  const mallAId = uniqueName('mall-a');
  const mallBId = uniqueName('mall-b');
  let mallA: string;
  let mallB: string;
  const skuId = uniqueName('sku-iqiyi');

  beforeAll(async () => {
    service = await startVirtualCodes({ env: { WEBHOOK_DELIVERY_WORKER: 'false' } });
    orderRouter = await new VirtualLineSender().start();
    const kafka = createKafkaClient({ clientId: uniqueName('e2e-aftersales'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
    collector = await KafkaTestCollector.start(kafka, [TOPICS.issuances, TOPICS.refunds, deadLetterTopicOf(TOPICS.reissues)], { startAt: 'end' });
    aftersales = new KafkaEventPublisher(kafka);
    await aftersales.connect();
    mallA = await createTestApiKey(service, 'tenant', mallAId);
    mallB = await createTestApiKey(service, 'tenant', mallBId);
    const staff = await testStaffToken(['operations']);
    await service.http.put(`/virtual-products/${skuId}`).set('Authorization', `Bearer ${staff}`).send({ name: '爱奇艺黄金会员月卡', fulfilment: 'pool', faceValueFen: 2500 }).expect(200);
    await service.http
      .post(`/pools/${skuId}/batches?faceValueFen=2500&costFen=2300&expiresAt=2027-12-31`)
      .set('Authorization', `Bearer ${staff}`)
      .set('Content-Type', 'text/csv')
      .send(['code,password', 'IQY-00001,pw-1', 'IQY-00002,pw-2', 'IQY-00003,pw-3'].join('\n'))
      .expect(201);
  });

  afterAll(async () => {
    await aftersales?.disconnect();
    await collector?.stop();
    await orderRouter?.stop();
    await service?.close();
  });

  const request = (tenantId: string, data: Pick<ReissueRequestedData, 'caseId' | 'orderId'>) =>
    createEvent(ReissueRequested, { lineId: '1', skuId, quantity: 1, reason: '卡密已被使用', at: new Date().toISOString(), ...data }, { source: '/aftersales', tenantId });
  const issuanceOf = (message: CollectedMessage) => (message.topic === TOPICS.issuances ? eventOf<IssuanceStatusChangedData>(message).data : undefined);

  it('a reported pool code is issued again once per case, visible and revealable to its own mall only; another mall’s request is dead-lettered', async () => {
    const orderId = uniqueName('ord');
    await orderRouter.send(orderRouter.event(mallAId, { orderId, lineId: '1', skuId, quantity: 1, unitPriceFen: 2400 }));
    await collector.waitFor((message) => message.key === `${orderId}:1` && issuanceOf(message)?.status === 'issued', { message: 'the line issued' });

    // The request redelivered as is, and sent again under a new event id; then another mall's request for
    // the same order and line (same key, same partition: handled after the three, so its dead letter says
    // they are all done).
    const caseId = caseIdOf();
    const first = request(mallAId, { caseId, orderId });
    await aftersales.publish(ReissueRequested, first, first, request(mallAId, { caseId, orderId }));
    const foreign = request(mallBId, { caseId: caseIdOf(), orderId });
    await aftersales.publish(ReissueRequested, foreign);

    const letter = await collector.waitFor((message) => message.topic === deadLetterTopicOf(TOPICS.reissues) && eventOf(message).id === foreign.id, {
      message: "the other mall's request dead-lettered",
      timeoutMs: 30_000,
    });
    expect(letter.headers).toMatchObject({ [DEAD_LETTER_HEADERS.reason]: 'handler-failed', [DEAD_LETTER_HEADERS.errorCode]: 'not-found' });

    // All handled: one reissue in the store, announced under the original line (the outbox relays it).
    expect((await service.app.get(IssuanceStore).ofOrder(mallAId, orderId)).map((issuance) => issuance.reissue?.caseId)).toEqual([undefined, caseId]);
    await collector.waitFor((message) => issuanceOf(message)?.reissue?.caseId === caseId, { message: 'the reissue announced' });
    const reissued = collector.messages.filter((message) => issuanceOf(message)?.reissue?.caseId === caseId);
    expect(reissued.map((message) => [message.key, issuanceOf(message)!.status, issuanceOf(message)!.reissue!.verdict, eventOf(message).tenantid])).toEqual([
      [`${orderId}:1`, 'issued', 'not-verifiable', mallAId],
    ]);
    expect(collector.messages.filter((message) => message.topic === TOPICS.refunds && message.key === `${orderId}:1`)).toEqual([]);
    expect(await service.app.get(IssuanceStore).ofOrder(mallBId, orderId)).toEqual([]);

    // The mall sees the line and its reissue, and reveals each by its own route.
    const listed = await service.http.get(`/orders/${orderId}/issuances`).set('X-Api-Key', mallA).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ lineId: '1', status: 'issued', codes: 1, reissues: [expect.objectContaining({ caseId, verdict: 'not-verifiable', quantity: 1 })] }),
      expect.objectContaining({ lineId: '1', status: 'issued', codes: 1, reissue: { caseId, verdict: 'not-verifiable', of: listed.body.items[0].issuanceId } }),
    ]);
    const view = await service.http.get(`/orders/${orderId}/lines/1/issuance?caseId=${caseId}`).set('X-Api-Key', mallA).expect(200);
    expect(view.body.issuanceId).toBe(listed.body.items[1].issuanceId);
    const original = await service.http.get(`/orders/${orderId}/lines/1/codes`).set('X-Api-Key', mallA).expect(200);
    const again = await service.http.get(`/orders/${orderId}/lines/1/codes?caseId=${caseId}`).set('X-Api-Key', mallA).expect(200);
    expect(original.body.codes.map((code: { code: string }) => code.code)).toEqual(['IQY-00001']);
    expect(again.body.codes.map((code: { code: string }) => code.code)).toEqual(['IQY-00002']);
    await service.http.get(`/orders/${orderId}/lines/1/codes?caseId=${caseId}`).set('X-Api-Key', mallB).expect(404);
    await service.http.get(`/orders/${orderId}/lines/1/issuance?caseId=${caseId}`).set('X-Api-Key', mallB).expect(404);
    expect((await service.http.get(`/orders/${orderId}/issuances`).set('X-Api-Key', mallB).expect(200)).body.items).toEqual([]);
  });
});
