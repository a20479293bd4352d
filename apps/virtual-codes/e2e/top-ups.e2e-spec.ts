import { IssuanceStore } from '@supply-hub/codes-data-access';
import { issuanceIdFor } from '@supply-hub/codes-domain';
import { EVENT_REGISTRY, TOPICS } from '@supply-hub/contracts';
import { createTestApiKey, freePort, type SpawnedService, spawnService, TEST_STAFF_TOKEN_SECRET, testStaffToken, type TestService } from '@supply-hub/platform/testing';
import { integrationEnv, KafkaTestCollector, uniqueName, waitFor, startGroupAtEnd } from '@supply-hub/testing';
import { Kafka, logLevel } from 'kafkajs';
import { codesTestEnv, startVirtualCodes, VirtualLineSender } from './codes-fixtures';

const MAIN = 'apps/virtual-codes/src/main.ts';

/**
 * Top-ups and bought card codes through the 福禄-style and 聚合-style sandboxes (supplier-sim in its own
 * process): notifies, status queries, fallback, timeouts, breaker. The sandbox's orders finish only when the
 * test says so (SIM_RECHARGE_COMPLETION_DELAY_MS=0, POST /sim/recharge/complete), or after its delay.
 */
describe('virtual-codes: top-ups through the recharge sandboxes on the real Kafka and FerretDB', () => {
  let sim: SpawnedService;
  let worker: SpawnedService;
  let service: TestService;
  let sender: VirtualLineSender;
  let collector: KafkaTestCollector;
  let staff: string;
  let mallId: string;
  let mall: string;
  const topUpSku = uniqueName('sku-hf');
  const cardSku = uniqueName('sku-qb');

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    sim = await spawnService('apps/supplier-sim/src/main.ts', {
      SIM_SKUS: '1000',
      SIM_RECHARGE_COMPLETION_DELAY_MS: '0',
      SIM_FULU_CALLBACK_URL: `${base}/providers/fulu/notify`,
      SIM_RECHARGE_NOTIFY_RETRY_DELAY_MS: '200',
    });
    // Short breaker windows, so the outage test sees it open and close within seconds.
    const http = { timeoutMs: 1_500, retry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 100 }, breaker: { resetTimeoutMs: 1_500, volumeThreshold: 3, errorThresholdPercentage: 50 } };
    const providers = JSON.stringify({
      providers: [
        { kind: 'fulu', id: 'fulu', baseUrl: `${sim.url}/fulu/`, appKey: 'fulu-sandbox-app', appSecret: 'fulu-sandbox-secret-0123456789ab', http },
        { kind: 'juhe', id: 'juhe', baseUrl: `${sim.url}/juhe/`, key: 'juhe-sandbox-key', openId: 'JHsandbox-openid', http },
      ],
    });
    const env = codesTestEnv();
    // The in-process service only prepares and inspects (no Kafka consumer, no sweeps); the worker, a
    // process of its own, issues: its whole log is scanned for secrets at the end.
    service = await startVirtualCodes({ transport: undefined, env: { ...env, RECHARGE_PROVIDERS: providers, ISSUANCE_SWEEPS: 'false', WEBHOOK_DELIVERY_WORKER: 'false' } });
    const kafka = new Kafka({ clientId: uniqueName('e2e-top-ups'), brokers: integrationEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    // The worker's group starts at the topics' current ends, so no line sent after this is skipped while it joins.
    const group = uniqueName('e2e-codes-worker');
    await startGroupAtEnd(kafka, group, EVENT_REGISTRY.topicNames());
    worker = await spawnService(MAIN, {
      ...env,
      PORT: String(port),
      KAFKA_BROKERS: integrationEnv().kafkaBrokers.join(','),
      MONGO_URL: integrationEnv().mongoUrl,
      MONGO_DB: service.databaseName,
      KAFKA_CONSUMER_GROUP: group,
      STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET,
      RECHARGE_PROVIDERS: providers,
      RECHARGE_CALLBACK_BASE_URL: base,
      ISSUANCE_SWEEP_INTERVAL_MS: '200',
      WEBHOOK_DELIVERY_WORKER: 'false',
      LOG_LEVEL: 'debug',
    });
    sender = await new VirtualLineSender().start();
    collector = await KafkaTestCollector.start(kafka, [TOPICS.issuances, TOPICS.refunds], { startAt: 'end' });
    staff = await testStaffToken(['operations']);
    mallId = uniqueName('mall');
    mall = await createTestApiKey(service, 'tenant', mallId);
    const put = (skuId: string, body: object) => service.http.put(`/virtual-products/${skuId}`).set('Authorization', `Bearer ${staff}`).send(body).expect(200);
    await put(topUpSku, {
      name: '中国移动话费 50 元',
      fulfilment: 'top-up',
      faceValueFen: 5000,
      accountKind: 'mobile',
      providers: [
        { providerId: 'fulu', providerProductId: '10050' },
        { providerId: 'juhe', providerProductId: '50' },
      ],
    });
    await put(cardSku, { name: '腾讯Q币卡 10 元', fulfilment: 'card-purchase', faceValueFen: 1000, providers: [{ providerId: 'fulu', providerProductId: '40001' }] });
  });

  afterAll(async () => {
    await collector?.stop();
    await sender?.stop();
    await worker?.stop();
    await service?.close();
    await sim?.stop();
  });

  const simPost = (route: string, body: object) =>
    fetch(`${sim.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => {
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    });
  const simOrders = async (orderNo: string) => ((await (await fetch(`${sim.url}/sim/recharge/orders?orderNo=${orderNo}`)).json()) as { orders: { provider: string; state: string }[] }).orders;
  const issuance = (orderId: string) => service.app.get(IssuanceStore).getAny(issuanceIdFor(mallId, orderId, '1'));
  const settled = (orderId: string, status: 'issued' | 'failed', timeoutMs = 20_000) =>
    waitFor(async () => {
      const found = await issuance(orderId);
      return found?.status === status ? found : undefined;
    }, { timeoutMs, message: `${orderId} ${status}` });
  const topUp = (orderId: string, account = '13812345678') => sender.send(sender.event(mallId, { orderId, lineId: '1', skuId: topUpSku, quantity: 1, account, unitPriceFen: 4900 }));
  /** The order number of attempt `n` once the provider has answered its submit. */
  const orderNoOf = async (orderId: string, n = 1) =>
    (await waitFor(async () => (await issuance(orderId))?.attempts.find((attempt) => attempt.n === n && attempt.state !== 'submitting'), { message: `${orderId} attempt ${n} answered` }))
      .orderNo;

  it('a top-up is processing until the provider’s signed notify settles it', async () => {
    const orderId = uniqueName('ord');
    await topUp(orderId);
    const orderNo = await orderNoOf(orderId);
    expect(await issuance(orderId)).toMatchObject({ status: 'processing', attempts: [{ providerId: 'fulu', state: 'processing' }] });
    expect(await simPost('/sim/recharge/complete', { provider: 'fulu', orderNo })).toMatchObject({ acknowledged: true });
    await settled(orderId, 'issued');
    await collector.waitFor((message) => message.key === `${orderId}:1` && JSON.parse(message.value!).data.status === 'issued', { message: 'issued event' });
    const view = await service.http.get(`/orders/${orderId}/lines/1/issuance`).set('X-Api-Key', mall).expect(200);
    expect(view.body).toMatchObject({ status: 'issued', account: '138****5678', attempts: [{ provider: 'fulu', state: 'success' }] });
  });

  it('a notify with a bad signature is refused and changes nothing', async () => {
    const orderId = uniqueName('ord');
    await simPost('/sim/recharge/settings', { fulu: { notifyBadSignRate: 1, notifyRetries: 0 } });
    try {
      await topUp(orderId);
      const orderNo = await orderNoOf(orderId);
      expect(await simPost('/sim/recharge/complete', { provider: 'fulu', orderNo })).toMatchObject({ acknowledged: false });
      expect(await issuance(orderId)).toMatchObject({ status: 'processing', attempts: [{ state: 'processing' }] });
    } finally {
      await simPost('/sim/recharge/settings', { fulu: { notifyBadSignRate: 0, notifyRetries: 3 } });
    }
    // No notify will come: the status query settles it.
    await settled(orderId, 'issued', 30_000);
  });

  it('a timeout is processing, never failed; the order the provider took is found by query, not sent twice', async () => {
    const orderId = uniqueName('ord');
    await simPost('/sim/faults', { fulu: { timeoutRate: 1, timeoutMs: 3_000 } });
    try {
      await topUp(orderId);
      await waitFor(async () => (await issuance(orderId))?.attempts[0]?.state === 'unknown', { message: 'the attempt unknown after the timeout' });
    } finally {
      await simPost('/sim/faults', { fulu: { timeoutRate: 0 } });
    }
    const orderNo = await orderNoOf(orderId);
    await simPost('/sim/recharge/complete', { provider: 'fulu', orderNo });
    await settled(orderId, 'issued', 30_000);
    expect(await simOrders(orderNo)).toHaveLength(1);
    expect((await issuance(orderId))!.attempts).toHaveLength(1);
  });

  it('a confirmed failure goes to the fallback provider; both failing refunds the mall', async () => {
    const orderId = uniqueName('ord');
    await topUp(orderId, '13800000000');
    // The sandbox fails accounts ending 0000 (号码已停机) at completion, at both providers.
    const first = await orderNoOf(orderId, 1);
    await simPost('/sim/recharge/complete', { provider: 'fulu', orderNo: first });
    const second = await orderNoOf(orderId, 2);
    expect((await issuance(orderId))!.attempts.map((attempt) => attempt.providerId)).toEqual(['fulu', 'juhe']);
    await simPost('/sim/recharge/complete', { provider: 'juhe', orderNo: second });
    const failed = await settled(orderId, 'failed');
    expect(failed.reason).toMatch(/fulu: .*号码已停机.*; juhe: /);
    const refund = await collector.waitFor((message) => message.topic === TOPICS.refunds && message.key === `${orderId}:1`, { message: 'the refund' });
    expect(JSON.parse(refund.value!).data).toMatchObject({ amountFen: 4900, origin: { kind: 'issuance-failed' } });
  });

  it('an invalid account is refused at once with a clear reason', async () => {
    const orderId = uniqueName('ord');
    await topUp(orderId, '2345');
    const failed = await settled(orderId, 'failed');
    expect(failed.reason).toBe('invalid account: not a mainland China mobile number (11 digits starting with 13–19)');
    expect(failed.attempts).toEqual([]);
  });

  it('an outage opens the breaker: new top-ups go to the fallback at once; it closes again after', async () => {
    await simPost('/sim/faults', { fulu: { errorRate: 1 } });
    const during: string[] = [];
    try {
      for (let index = 0; index < 6; index += 1) {
        const orderId = uniqueName('ord');
        during.push(orderId);
        await topUp(orderId);
        await orderNoOf(orderId);
      }
      const last = await issuance(during[during.length - 1]!);
      // Once open, nothing more is sent to fulu: the newest line went straight to juhe.
      expect(last!.attempts.map((attempt) => attempt.providerId)).toEqual(['juhe']);
    } finally {
      await simPost('/sim/faults', { fulu: { errorRate: 0 } });
    }
    // In flight at fulu when it went down: still at fulu, being queried, never sent elsewhere meanwhile.
    const first = await issuance(during[0]!);
    expect(first!.attempts[0]!.providerId).toBe('fulu');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const after = uniqueName('ord');
    await topUp(after);
    await waitFor(async () => (await issuance(after))?.attempts[0]?.providerId === 'fulu', { timeoutMs: 15_000, message: 'a new top-up at fulu again (breaker closed)' });
  });

  it('bought card codes are stored sealed and revealed to the mall', async () => {
    const orderId = uniqueName('ord');
    await sender.send(sender.event(mallId, { orderId, lineId: '1', skuId: cardSku, quantity: 2 }));
    const orderNo = await orderNoOf(orderId);
    await simPost('/sim/recharge/complete', { provider: 'fulu', orderNo });
    await settled(orderId, 'issued');
    const revealed = await service.http.get(`/orders/${orderId}/lines/1/codes`).set('X-Api-Key', mall).expect(200);
    expect(revealed.body.codes).toHaveLength(2);
    expect(revealed.body.codes[0]).toMatchObject({ code: expect.any(String), password: expect.any(String) });

    // No code, password or full account number in any event or log line of the whole run.
    const secrets = revealed.body.codes.flatMap((code: { code: string; password: string }) => [code.code, code.password]);
    const events = collector.messages.map((message) => message.value ?? '').join('\n');
    const log = worker.output();
    expect(log).toMatch(/"level":"debug"/);
    for (const text of [events, log]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain('13812345678');
    }
  });
});
