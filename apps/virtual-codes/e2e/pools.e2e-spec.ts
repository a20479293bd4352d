import http from 'node:http';
import { verifyWebhook } from '@supply-hub/auth';
import { IssuanceStore } from '@supply-hub/codes-data-access';
import { IssuanceStatusChanged, TOPICS } from '@supply-hub/contracts';
import { createTestApiKey, testStaffToken, type TestService } from '@supply-hub/platform/testing';
import { integrationEnv, KafkaTestCollector, uniqueName, waitFor } from '@supply-hub/testing';
import { Kafka, logLevel } from 'kafkajs';
import { startVirtualCodes, VirtualLineSender } from './codes-fixtures';

const csv = (prefix: string, count: number) => ['卡号,密码', ...Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(5, '0')},pw-${index + 1}`)].join('\n');

describe('virtual-codes: card-code pools on the real Kafka and FerretDB', () => {
  let service: TestService;
  let sender: VirtualLineSender;
  let collector: KafkaTestCollector;
  let staff: string;
  let mallAId: string;
  let mallA: string;
  let mallB: string;
  const skuId = uniqueName('sku-iqiyi');

  beforeAll(async () => {
    service = await startVirtualCodes({ env: { WEBHOOK_DELIVERY_WORKER: 'false', WEBHOOK_ALLOW_HTTP_LOCALHOST: 'true' } });
    sender = await new VirtualLineSender().start();
    const kafka = new Kafka({ clientId: uniqueName('e2e-codes'), brokers: integrationEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    collector = await KafkaTestCollector.start(kafka, [TOPICS.issuances, TOPICS.refunds, TOPICS.codePools], { startAt: 'end' });
    staff = await testStaffToken(['operations']);
    mallAId = uniqueName('mall-a');
    mallA = await createTestApiKey(service, 'tenant', mallAId);
    mallB = await createTestApiKey(service, 'tenant', uniqueName('mall-b'));
    await service.http
      .put(`/virtual-products/${skuId}`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ name: '爱奇艺黄金会员月卡', fulfilment: 'pool', faceValueFen: 2500, lowStockThreshold: 5 })
      .expect(200);
  });

  afterAll(async () => {
    await collector?.stop();
    await sender?.stop();
    await service?.close();
  });

  const importBatch = (body: string, query = 'faceValueFen=2500&costFen=2300&expiresAt=2027-12-31') =>
    service.http.post(`/pools/${skuId}/batches?${query}`).set('Authorization', `Bearer ${staff}`).set('Content-Type', 'text/csv').send(body);

  it('imports a batch all or nothing, naming every bad line', async () => {
    const refused = await importBatch('卡号,密码\nX1,pw\nIQY-00002,pw\nIQY-00002,pw2\n').expect(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.errors ?? refused.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'line 2', message: expect.stringMatching(/4–128 printable/) }),
        expect.objectContaining({ path: 'line 4', message: 'code repeats line 3' }),
      ]),
    );
    await importBatch(csv('EXP', 2), 'faceValueFen=2500&costFen=2300&expiresAt=2025-01-01').expect(400);
    await service.http.post(`/pools/${skuId}/batches?faceValueFen=1&costFen=1&expiresAt=2027-12-31`).set('X-Api-Key', mallA).set('Content-Type', 'text/csv').send(csv('X', 1)).expect(403);
    const pools = await service.http.get('/pools').set('Authorization', `Bearer ${staff}`).expect(200);
    expect(pools.body.items.find((pool: { skuId: string }) => pool.skuId === skuId)).toMatchObject({ available: 0 });

    const imported = await importBatch(csv('IQY', 8)).expect(201);
    expect(imported.body).toMatchObject({ imported: 8, available: 8 });
    const again = await importBatch('卡号\nNEW-00001\nIQY-00003').expect(400);
    expect(JSON.stringify(again.body)).toContain('code is already stored');
  });

  it('issues a line from its event, once however often it is delivered, and reveals the code to its own mall only', async () => {
    const orderId = uniqueName('ord');
    const event = sender.event(mallAId, { orderId, lineId: '1', skuId, quantity: 2, unitPriceFen: 2400 });
    await sender.send(event, event);
    await sender.send(event);
    const issued = await collector.waitFor(
      (message) => message.key === `${orderId}:1` && JSON.parse(message.value ?? '{}').data?.status === 'issued',
      { message: 'the line issued' },
    );
    expect(issued.headers.ce_type).toBe(IssuanceStatusChanged.type);

    const revealed = await service.http.get(`/orders/${orderId}/lines/1/codes`).set('X-Api-Key', mallA).expect(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.body.codes).toEqual([
      { code: 'IQY-00001', password: 'pw-1', expiresAt: expect.any(String) },
      { code: 'IQY-00002', password: 'pw-2', expiresAt: expect.any(String) },
    ]);
    await service.http.get(`/orders/${orderId}/lines/1/codes`).set('X-Api-Key', mallB).expect(404);
    await service.http.get(`/orders/${orderId}/lines/1/issuance`).set('X-Api-Key', mallB).expect(404);
    const view = await service.http.get(`/orders/${orderId}/lines/1/issuance`).set('X-Api-Key', mallA).expect(200);
    expect(view.body).toMatchObject({ status: 'issued', codes: 2, fulfilment: 'pool' });
    expect(JSON.stringify(view.body)).not.toContain('IQY-0000');

    // Three deliveries, one issuance, two codes; every event of the run carries no code.
    await waitFor(async () => (await service.app.get(IssuanceStore).ofOrder(mallAId, orderId)).length === 1, { message: 'one issuance' });
    const pools = await service.http.get('/pools').set('Authorization', `Bearer ${staff}`).expect(200);
    expect(pools.body.items.find((pool: { skuId: string }) => pool.skuId === skuId)).toMatchObject({ available: 6, allocated: 2 });
    expect(collector.messages.filter((message) => message.key === `${orderId}:1`)).toHaveLength(1);
    expect(collector.messages.map((message) => message.value).join('\n')).not.toMatch(/IQY-\d{5}|pw-\d/);
  });

  it('alerts when the pool runs low', async () => {
    const orderId = uniqueName('ord');
    await sender.send(sender.event(mallAId, { orderId, lineId: '1', skuId, quantity: 3 }));
    await collector.waitFor((message) => message.key === `${orderId}:1`, { message: 'the line issued' });
    await service.http.get('/pools').set('Authorization', `Bearer ${staff}`).expect(200);
    // The empty pool alerted at the first report; the import re-armed it; now it alerts again.
    const lows = await collector.waitForCount((message) => message.key === skuId && message.headers.ce_type === 'supplyhub.codes.pool-low.v1', 2, { message: 'the low-stock alerts' });
    expect(lows.map((message) => JSON.parse(message.value!).data)).toEqual([
      expect.objectContaining({ skuId, available: 0, threshold: 5 }),
      expect.objectContaining({ skuId, available: 3, threshold: 5 }),
    ]);
  });

  it('fails a line whose product is not set up, with a refund for the mall', async () => {
    const orderId = uniqueName('ord');
    await sender.send(sender.event(mallAId, { orderId, lineId: '7', skuId: 'sku-nobody-set-up', quantity: 1, unitPriceFen: 1000 }));
    const refund = await collector.waitFor((message) => message.topic === TOPICS.refunds && message.key === `${orderId}:7`, { message: 'the refund' });
    expect(JSON.parse(refund.value!).data).toMatchObject({ quantity: 1, amountFen: 1000, origin: { kind: 'issuance-failed' }, reason: expect.stringMatching(/no fulfilment/) });
    await service.http.get(`/orders/${orderId}/lines/7/codes`).set('X-Api-Key', mallA).expect(409);
  });

  it("issues coupons from the mall's own coupon system: signed, asked again under the same request id until it answers", async () => {
    const couponSku = uniqueName('sku-luckin');
    await service.http
      .put(`/virtual-products/${couponSku}`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ name: '瑞幸咖啡大杯饮品券', fulfilment: 'coupon', faceValueFen: 2000 })
      .expect(200);
    const credential = 'mall-a-coupon-credential-0123456789';
    // The mall's coupon system: down for the first request, then it issues (and remembers) per request id.
    const issued = new Map<string, { code: string; expiresAt: string }[]>();
    const seen: { method: string; verified: boolean; bearer: boolean }[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const signature = String(request.headers['supplyhub-signature'] ?? '');
        seen.push({ method: request.method ?? '', verified: verifyWebhook(credential, signature, body).valid, bearer: request.headers.authorization === `Bearer ${credential}` });
        const reply = (status: number, answer: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
        if (request.method === 'GET') {
          const coupons = issued.get(decodeURIComponent((request.url ?? '').split('/').pop() ?? ''));
          return coupons ? reply(200, { coupons }) : reply(404, { detail: 'no such request' });
        }
        if (seen.filter((entry) => entry.method === 'POST').length === 1) return reply(503, { detail: 'maintenance' });
        const { requestId, quantity } = JSON.parse(body) as { requestId: string; quantity: number };
        issued.set(requestId, issued.get(requestId) ?? Array.from({ length: quantity }, (_, index) => ({ code: `LK${requestId.slice(-6)}${index}`, expiresAt: '2027-06-30T15:59:59Z' })));
        reply(200, { coupons: issued.get(requestId) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/coupons`;
      await service.http.put('/coupon-system').set('X-Api-Key', mallA).send({ url: 'http://example.com/coupons', credential }).expect(400);
      await service.http.put('/coupon-system').set('X-Api-Key', mallA).send({ url, credential }).expect(200);
      expect((await service.http.get('/coupon-system').set('X-Api-Key', mallA).expect(200)).body).toEqual({ url, updatedAt: expect.any(String) });
      await service.http.get('/coupon-system').set('X-Api-Key', mallB).expect(404);

      const orderId = uniqueName('ord');
      await sender.send(sender.event(mallAId, { orderId, lineId: '1', skuId: couponSku, quantity: 2, unitPriceFen: 1900 }));
      const line = await waitFor(
        async () => {
          const view = await service.http.get(`/orders/${orderId}/lines/1/issuance`).set('X-Api-Key', mallA);
          return view.status === 200 && view.body.status === 'issued' ? view.body : undefined;
        },
        { timeoutMs: 30_000, message: 'the coupon line issued after the coupon system came back' },
      );
      expect(line.attempts).toEqual([expect.objectContaining({ provider: `coupons:${mallAId}`, state: 'success' })]);
      const revealed = await service.http.get(`/orders/${orderId}/lines/1/codes`).set('X-Api-Key', mallA).expect(200);
      expect(revealed.body.codes.map((coupon: { code: string }) => coupon.code)).toEqual([...issued.values()][0]!.map((coupon) => coupon.code));
      expect(seen.every((request) => request.verified && request.bearer)).toBe(true);
      expect(seen.map((request) => request.method)).toEqual(['POST', 'GET', 'POST']);

      // A mall without a coupon system: the line fails at once, and is refunded.
      const other = uniqueName('ord');
      await sender.send(sender.event(mallAId.replace('mall-a', 'mall-c'), { orderId: other, lineId: '1', skuId: couponSku, quantity: 1, unitPriceFen: 1900 }));
      const refund = await collector.waitFor((message) => message.topic === TOPICS.refunds && message.key === `${other}:1`, { message: 'the refund of a coupon line without a coupon system' });
      expect(JSON.parse(refund.value!).data.reason).toMatch(/no coupon system registered/);
    } finally {
      server.close();
    }
  });
});
