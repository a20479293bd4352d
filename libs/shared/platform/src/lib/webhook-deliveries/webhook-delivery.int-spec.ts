import { Global, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { generateApiKey, verifyWebhook } from '@supply-hub/auth';
import { serviceEnvSchema } from '@supply-hub/config';
import type { CloudEvent } from '@supply-hub/contracts';
import { MongoApiKeyStore } from '@supply-hub/mongo';
import { uniqueName, waitFor } from '@supply-hub/testing';
import type { Connection } from 'mongoose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createServiceApp } from '../bootstrap/create-service-app';
import { webhookEnvShape } from '../config/webhook-env';
import { PlatformModule } from '../platform.module';
import { WEBHOOK_CLOCK, WEBHOOK_RANDOM } from './webhook-delivery-settings';
import { WebhookDeliveryWorker } from './webhook-delivery-worker.service';
import { type WebhookEvent, WebhookDispatcher } from './webhook-dispatcher.service';
import { WebhookQueueRepository } from './webhook-queue.repository';
import { WebhookEndpointRepository } from '../webhook-endpoints/webhook-endpoint.repository';

/** Time moves only when a test says so; jitter is zero, so retries fall due exactly on schedule. */
let nowMs = Date.now();
const clock = { now: () => new Date(nowMs) };
const advance = (ms: number) => (nowMs += ms);

@Global()
@Module({
  providers: [
    { provide: WEBHOOK_CLOCK, useValue: clock },
    { provide: WEBHOOK_RANDOM, useValue: () => 0 },
  ],
  exports: [WEBHOOK_CLOCK, WEBHOOK_RANDOM],
})
class TestTimeModule {}

@Module({ imports: [TestTimeModule, PlatformModule.forService({ webhookEndpoints: true })] })
class TestAppModule {}

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A mall's webhook receiver: records every request and answers per path (200 unless told otherwise). */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, () => number>();
  private readonly delays = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body });
        setTimeout(
          () => {
            res.statusCode = this.answers.get(path)?.() ?? 200;
            res.end('thanks');
          },
          this.delays.get(path) ?? 0,
        );
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  answer(path: string, statuses: number | number[]): void {
    const script = Array.isArray(statuses) ? [...statuses] : undefined;
    this.answers.set(path, () => (script ? (script.shift() ?? 200) : (statuses as number)));
  }

  delay(path: string, ms: number): void {
    this.delays.set(path, ms);
  }

  at(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }
}

/** Each test's own event type, so endpoints of one test never take another test's events. */
let types = 0;
const newEventType = () => `supplyhub.it${++types}.order-routed.v1`;

/** A CloudEvent as order-router publishes it (the data has a key with a dot, which storage must not trip over). */
function orderEvent(tenantId: string, type: string): CloudEvent<Record<string, unknown>> {
  const id = uniqueName('evt');
  return {
    id,
    source: 'supply-hub/order-router',
    type,
    specversion: '1.0',
    time: new Date(nowMs).toISOString(),
    subject: `order-${id}`,
    datacontenttype: 'application/json',
    data: { orderId: `order-${id}`, warehouse: '上海', 'odd.key': true },
    tenantid: tenantId,
  };
}

function metricValue(text: string, name: string, label = ''): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && candidate.includes(label));
  return Number(line?.split(' ').pop());
}

describe('webhook delivery (two instances on the real FerretDB)', () => {
  const receiver = new Receiver();
  const keys = { a: generateApiKey('tenant'), b: generateApiKey('tenant') };
  const database = uniqueName('platform_webhooks_it').replace(/-/g, '_');
  let first: NestExpressApplication;
  let second: NestExpressApplication;
  let http: ReturnType<typeof request>;

  const startInstance = async (env: Record<string, string> = {}, db = database) => {
    const { app } = await createServiceApp({
      name: 'webhooks-it',
      envSchema: serviceEnvSchema({ port: 3999, database: 'unused' }).extend(webhookEnvShape),
      module: TestAppModule,
      env: {
        MONGO_URL: process.env.MONGO_URL,
        KAFKA_BROKERS: process.env.KAFKA_BROKERS,
        MONGO_DB: db,
        STAFF_TOKEN_SECRET: 'integration-staff-secret-0123456789abcdef',
        LOG_LEVEL: 'silent',
        WEBHOOK_ALLOW_HTTP_LOCALHOST: 'true',
        // The tests drive the workers (runOnce) and the clock themselves.
        WEBHOOK_DELIVERY_WORKER: 'false',
        WEBHOOK_RETRY_SCHEDULE: '10s,30s',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_DISABLE_AFTER_FAILURES: '2',
        WEBHOOK_TIMEOUT_MS: '3000',
        ...env,
      },
    });
    await app.init();
    return app;
  };

  beforeAll(async () => {
    await receiver.start();
    first = await startInstance();
    second = await startInstance();
    http = request(first.getHttpServer());
    const store = first.get(MongoApiKeyStore);
    await store.insert({ ...keys.a, ownerId: 'mall-a', createdAt: new Date() });
    await store.insert({ ...keys.b, ownerId: 'mall-b', createdAt: new Date() });
  });

  afterAll(async () => {
    await first?.get<Connection>(getConnectionToken()).dropDatabase();
    await first?.close();
    await second?.close();
    await receiver.stop();
  });

  const asA = (test: request.Test) => test.set('X-Api-Key', keys.a.plaintext);
  const asB = (test: request.Test) => test.set('X-Api-Key', keys.b.plaintext);
  const dispatch = (event: WebhookEvent, app = first) => app.get(WebhookDispatcher).dispatch('mall-a', event);
  const runOnce = (app = first) => app.get(WebhookDeliveryWorker).runOnce();
  const queue = () => first.get<Connection>(getConnectionToken()).collection('webhook_queue');

  async function createEndpoint(path: string, eventTypes: string[]): Promise<{ id: string; secret: string }> {
    const response = await asA(http.post('/webhook-endpoints')).send({ url: `${receiver.url}${path}`, eventTypes });
    expect(response.status).toBe(201);
    return response.body;
  }

  const delivery = async (endpointId: string, eventId: string) => {
    const response = await asA(http.get(`/webhook-endpoints/${endpointId}/deliveries/${endpointId}:${eventId}`));
    expect(response.status).toBe(200);
    return response.body;
  };

  it('POSTs the event, signed, to each endpoint that takes its type', async () => {
    const type = newEventType();
    const all = await createEndpoint('/a/all', []);
    const routed = await createEndpoint('/a/routed', [type]);
    await createEndpoint('/a/cancelled', ['supplyhub.order.cancelled.v1']);
    const event = orderEvent('mall-a', type);

    const result = await dispatch(event);
    expect(result.deliveries.map((entry) => entry.endpointId).sort()).toEqual([all.id, routed.id].sort());
    expect(result.deliveries.every((entry) => entry.created)).toBe(true);
    expect(await runOnce()).toBe(2);

    expect(receiver.at('/a/cancelled')).toHaveLength(0);
    for (const [path, endpoint] of [
      ['/a/all', all],
      ['/a/routed', routed],
    ] as const) {
      const [sent] = receiver.at(path);
      expect(receiver.at(path)).toHaveLength(1);
      expect(
        verifyWebhook(endpoint.secret, sent?.headers['supplyhub-signature'] as string, sent?.body ?? '', { nowSeconds: Math.floor(nowMs / 1000) }),
      ).toEqual({
        valid: true,
        timestampSeconds: Math.floor(nowMs / 1000),
      });
      expect(
        verifyWebhook(all.secret === endpoint.secret ? routed.secret : all.secret, sent?.headers['supplyhub-signature'] as string, sent?.body ?? '').valid,
      ).toBe(false);
      expect(sent?.headers).toMatchObject({ 'supplyhub-event-id': event.id, 'supplyhub-event-type': event.type, 'content-type': 'application/json' });
      expect(JSON.parse(sent?.body ?? '')).toEqual(event);
    }

    const list = await asA(http.get(`/webhook-endpoints/${all.id}/deliveries`));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        expect.objectContaining({
          id: `${all.id}:${event.id}`,
          eventId: event.id,
          eventType: event.type,
          status: 'delivered',
          attemptCount: 1,
          lastError: null,
        }),
      ],
      nextCursor: null,
    });
    const detail = await delivery(all.id, event.id);
    expect(detail.attempts).toEqual([{ attempt: 1, at: new Date(nowMs).toISOString(), statusCode: 200, error: null, durationMs: expect.any(Number) }]);
    expect(detail.event).toEqual(event);
    const endpoint = (await asA(http.get(`/webhook-endpoints/${all.id}`))).body;
    expect(endpoint).toMatchObject({ status: 'enabled', consecutiveFailures: 0, lastDeliveryAt: new Date(nowMs).toISOString(), disabledReason: null });

    // A deleted endpoint gets nothing more, not even what was queued for it.
    const queued = orderEvent('mall-a', type);
    await dispatch(queued);
    expect((await asA(http.delete(`/webhook-endpoints/${all.id}`))).status).toBe(204);
    expect(await runOnce()).toBe(2);
    expect(receiver.at('/a/all')).toHaveLength(1);
    expect(await delivery(routed.id, queued.id)).toMatchObject({ status: 'delivered' });
  });

  it('retries a failing receiver on schedule: fails twice, then succeeds on the third attempt', async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/flaky', [type]);
    receiver.answer('/a/flaky', [500, 502]);
    const event = orderEvent('mall-a', type);
    await dispatch(event);
    const start = nowMs;

    expect(await runOnce()).toBe(1);
    expect(await delivery(endpoint.id, event.id)).toMatchObject({ status: 'pending', attemptCount: 1, nextAttemptAt: new Date(start + 10_000).toISOString() });
    expect(await runOnce()).toBe(0); // not due yet

    advance(10_000);
    expect(await runOnce()).toBe(1);
    expect(await delivery(endpoint.id, event.id)).toMatchObject({ status: 'pending', attemptCount: 2, nextAttemptAt: new Date(start + 40_000).toISOString() });
    advance(29_999);
    expect(await runOnce()).toBe(0);
    advance(1);
    expect(await runOnce()).toBe(1);

    const detail = await delivery(endpoint.id, event.id);
    expect(detail).toMatchObject({
      status: 'delivered',
      attemptCount: 3,
      nextAttemptAt: null,
      deliveredAt: new Date(start + 40_000).toISOString(),
      lastError: null,
    });
    expect(detail.attempts.map((attempt: { statusCode: number; at: string; error: string | null }) => [attempt.statusCode, attempt.at, attempt.error])).toEqual(
      [
        [500, new Date(start).toISOString(), expect.stringContaining('500')],
        [502, new Date(start + 10_000).toISOString(), expect.stringContaining('502')],
        [200, new Date(start + 40_000).toISOString(), null],
      ],
    );
    // Each attempt is signed afresh, at its own time, and names the same event.
    const sent = receiver.at('/a/flaky');
    expect(sent.map((request) => request.headers['supplyhub-event-id'])).toEqual([event.id, event.id, event.id]);
    expect(
      sent.map(
        (request) =>
          verifyWebhook(endpoint.secret, request.headers['supplyhub-signature'] as string, request.body, { nowSeconds: Math.floor(nowMs / 1000) }).valid,
      ),
    ).toEqual([true, true, true]);
    const state = (await asA(http.get(`/webhook-endpoints/${endpoint.id}`))).body;
    expect(state).toMatchObject({
      consecutiveFailures: 0,
      lastFailureAt: new Date(start + 10_000).toISOString(),
      lastDeliveryAt: new Date(start + 40_000).toISOString(),
    });
  });

  it('fails a delivery after its last attempt, disables the endpoint after two such, and resumes on enable and retry', async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/dead', [type]);
    receiver.answer('/a/dead', 503);
    const failedBefore = metricValue((await http.get('/metrics')).text, 'webhook_deliveries_total', 'outcome="failed"');
    const [one, two] = [orderEvent('mall-a', type), orderEvent('mall-a', type)];
    await dispatch(one);
    await dispatch(two);

    expect(await runOnce()).toBe(2);
    advance(10_000);
    expect(await runOnce()).toBe(2);
    expect((await asA(http.get(`/webhook-endpoints/${endpoint.id}`))).body).toMatchObject({ status: 'enabled', consecutiveFailures: 0 });
    advance(30_000);
    expect(await runOnce()).toBe(2);

    for (const event of [one, two]) {
      expect(await delivery(endpoint.id, event.id)).toMatchObject({
        status: 'failed',
        attemptCount: 3,
        nextAttemptAt: null,
        failedAt: new Date(nowMs).toISOString(),
        lastError: expect.stringContaining('503'),
      });
    }
    const disabled = (await asA(http.get(`/webhook-endpoints/${endpoint.id}`))).body;
    expect(disabled).toMatchObject({
      status: 'disabled',
      consecutiveFailures: 2,
      disabledReason: expect.stringMatching(/^disabled after 2 failed deliveries in a row; last error: .*503/),
    });
    expect(receiver.at('/a/dead')).toHaveLength(6);
    expect(await queue().countDocuments({ endpointId: endpoint.id })).toBe(0);

    // Nothing more goes to a disabled endpoint, and its deliveries cannot be retried until it is enabled.
    expect((await dispatch(orderEvent('mall-a', type))).deliveries.map((entry) => entry.endpointId)).not.toContain(endpoint.id);
    const refused = await asA(http.post(`/webhook-endpoints/${endpoint.id}/deliveries/${endpoint.id}:${one.id}/retry`));
    expect(refused.status).toBe(409);

    const enabled = await asA(http.post(`/webhook-endpoints/${endpoint.id}/enable`));
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'enabled', consecutiveFailures: 0, disabledReason: null });
    receiver.answer('/a/dead', 204);
    const retried = await asA(http.post(`/webhook-endpoints/${endpoint.id}/deliveries/${endpoint.id}:${one.id}/retry`));
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'pending', attemptCount: 3, nextAttemptAt: new Date(nowMs).toISOString() });
    expect(await runOnce()).toBe(1);
    expect(await delivery(endpoint.id, one.id)).toMatchObject({ status: 'delivered', attemptCount: 4, failedAt: null, lastError: null });
    expect((await delivery(endpoint.id, two.id)).status).toBe('failed');

    const metrics = (await http.get('/metrics')).text;
    expect(metricValue(metrics, 'webhook_deliveries_total', 'outcome="failed"')).toBe(failedBefore + 2);
    expect(metricValue(metrics, 'webhook_endpoints_disabled_total')).toBe(1);
  });

  it('makes one delivery of an event dispatched twice, also by two instances at once', async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/dup', [type]);
    const again = orderEvent('mall-a', type);
    expect((await dispatch(again)).deliveries).toEqual([{ deliveryId: `${endpoint.id}:${again.id}`, endpointId: endpoint.id, created: true }]);
    expect((await dispatch(again)).deliveries).toEqual([{ deliveryId: `${endpoint.id}:${again.id}`, endpointId: endpoint.id, created: false }]);
    const racing = orderEvent('mall-a', type);
    await Promise.all([dispatch(racing, first), dispatch(racing, second), dispatch(racing, first), dispatch(racing, second)]);

    const list = (await asA(http.get(`/webhook-endpoints/${endpoint.id}/deliveries`))).body;
    expect(list.items.map((item: { eventId: string }) => item.eventId)).toEqual([racing.id, again.id]);
    await Promise.all([runOnce(first), runOnce(second)]);
    await Promise.all([runOnce(first), runOnce(second)]);
    expect(receiver.at('/a/dup').map((request) => request.headers['supplyhub-event-id'])).toEqual(expect.arrayContaining([again.id, racing.id]));
    expect(receiver.at('/a/dup')).toHaveLength(2);
    // The event arriving again after its delivery sends nothing more.
    await dispatch(again);
    expect(await runOnce()).toBe(0);
  });

  it('forwards a run of events from Kafka, each to its own mall, reading each mall’s endpoints once', async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/run', [type]);
    const { tenantid: _none, ...untenanted } = orderEvent('mall-a', type);
    const run: WebhookEvent[] = [orderEvent('mall-a', type), orderEvent('mall-b', type), orderEvent('mall-a', type), untenanted];
    const listEnabled = jest.spyOn(first.get(WebhookEndpointRepository), 'listEnabled');
    await first.get(WebhookDispatcher).forward(run);
    expect(listEnabled.mock.calls.map(([tenantId]) => tenantId)).toEqual(['mall-a', 'mall-b']);
    listEnabled.mockRestore();
    await runOnce();
    // mall-b has no endpoint; the event without a tenant goes nowhere.
    expect(
      receiver
        .at('/a/run')
        .map((request) => request.headers['supplyhub-event-id'])
        .sort(),
    ).toEqual([run[0]!.id, run[2]!.id].sort());
    expect((await asA(http.get(`/webhook-endpoints/${endpoint.id}/deliveries`))).body.items).toHaveLength(2);
  });

  it("answers 404 for another mall's endpoint or delivery", async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/private', [type]);
    const event = orderEvent('mall-a', type);
    await dispatch(event);
    const deliveryId = `${endpoint.id}:${event.id}`;
    const ownOfB = (await asB(http.post('/webhook-endpoints')).send({ url: `${receiver.url}/b/own` })).body;

    for (const response of [
      await asB(http.get(`/webhook-endpoints/${endpoint.id}/deliveries`)),
      await asB(http.get(`/webhook-endpoints/${endpoint.id}/deliveries/${deliveryId}`)),
      await asB(http.post(`/webhook-endpoints/${endpoint.id}/deliveries/${deliveryId}/retry`)),
      await asB(http.get(`/webhook-endpoints/${ownOfB.id}/deliveries/${deliveryId}`)),
      await asB(http.post(`/webhook-endpoints/${endpoint.id}/enable`)),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // Nor does another of A's own endpoints show it.
    const sibling = await createEndpoint('/a/sibling', ['supplyhub.order.cancelled.v1']);
    expect((await asA(http.get(`/webhook-endpoints/${sibling.id}/deliveries/${deliveryId}`))).status).toBe(404);
    expect((await asA(http.get(`/webhook-endpoints/${endpoint.id}/deliveries/nope`))).status).toBe(400);
    expect((await asA(http.get(`/webhook-endpoints/${endpoint.id}/deliveries?limit=0`))).status).toBe(400);
    await expect(first.get(WebhookDispatcher).dispatch('mall-b', event)).rejects.toThrow(/belongs to tenant mall-a/);
    await runOnce();
  });

  it('lets two instances share the queue without sending any delivery twice', async () => {
    const type = newEventType();
    await createEndpoint('/a/shared', [type]);
    receiver.delay('/a/shared', 20);
    const events = Array.from({ length: 24 }, () => orderEvent('mall-a', type));
    await Promise.all(events.map((event, i) => dispatch(event, i % 2 === 0 ? first : second)));

    let rounds = 0;
    const counts = [0, 0];
    while ((await queue().countDocuments({})) > 0 && rounds++ < 20) {
      const [a, b] = await Promise.all([runOnce(first), runOnce(second)]);
      counts[0] += a;
      counts[1] += b;
    }
    const ids = receiver.at('/a/shared').map((request) => request.headers['supplyhub-event-id']);
    expect(ids).toHaveLength(events.length);
    expect(new Set(ids)).toEqual(new Set(events.map((event) => event.id)));
    expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(events.length);
  });

  it('pages the log newest first', async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/paged', [type]);
    const events = [];
    for (let i = 0; i < 5; i++) {
      events.push(orderEvent('mall-a', type));
      await dispatch(events[i] as WebhookEvent);
    }
    const pages: string[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: request.Response = await asA(http.get(`/webhook-endpoints/${endpoint.id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.status).toBe(200);
      pages.push(page.body.items.map((item: { eventId: string }) => item.eventId));
      cursor = page.body.nextCursor;
    }
    const newestFirst = events.map((event) => event.id).reverse();
    expect(pages).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    expect(await runOnce()).toBe(5);
  });

  it('loses no delivery when a crash splits what dispatch writes', async () => {
    const type = newEventType();
    const endpoint = await createEndpoint('/a/crash', [type]);
    const connection = first.get<Connection>(getConnectionToken());
    // Queued, but the log record was never written: the worker writes it from the queue entry.
    const unlogged = orderEvent('mall-a', type);
    await dispatch(unlogged);
    await connection.collection('webhook_deliveries').deleteOne({ _id: `${endpoint.id}:${unlogged.id}` } as never);
    // Logged, but never queued: the event coming again queues it.
    const unqueued = orderEvent('mall-a', type);
    await dispatch(unqueued);
    await queue().deleteOne({ _id: `${endpoint.id}:${unqueued.id}` } as never);
    expect((await dispatch(unqueued)).deliveries[0]?.created).toBe(false);

    expect(await runOnce()).toBe(2);
    expect((await delivery(endpoint.id, unlogged.id)).status).toBe('delivered');
    expect((await delivery(endpoint.id, unqueued.id)).status).toBe('delivered');
    expect(receiver.at('/a/crash')).toHaveLength(2);

    // A worker that died holding a claim: nobody sends until its lease (timeout + 60 s) has run out.
    const orphaned = orderEvent('mall-a', type);
    await dispatch(orphaned);
    expect(await first.get(WebhookQueueRepository).claim(`${endpoint.id}:${orphaned.id}`, 'dead-worker:1', clock.now(), 63_000)).not.toBeNull();
    expect(await runOnce(second)).toBe(0);
    advance(62_999);
    expect(await runOnce(second)).toBe(0);
    advance(1);
    expect(await runOnce(second)).toBe(1);
    expect(await delivery(endpoint.id, orphaned.id)).toMatchObject({ status: 'delivered', attemptCount: 1 });
  });

  it('reports deliveries and the queue on /metrics, and documents the routes', async () => {
    const metrics = (await http.get('/metrics')).text;
    expect(metrics).toMatch(/webhook_deliveries_total\{[^}]*outcome="delivered"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/webhook_delivery_attempts_total\{[^}]*outcome="failure"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/webhook_queue_depth\{[^}]*\} 0/);

    const document = (await http.get('/docs-json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/webhook-endpoints/{id}/deliveries',
        '/webhook-endpoints/{id}/deliveries/{deliveryId}',
        '/webhook-endpoints/{id}/deliveries/{deliveryId}/retry',
        '/webhook-endpoints/{id}/enable',
      ]),
    );
    expect(document.components.schemas).toHaveProperty('WebhookDelivery.properties.attempts');
    expect(document.components.schemas).toHaveProperty('WebhookDeliveryPage.properties.nextCursor');
    expect(document.paths['/webhook-endpoints/{id}/deliveries'].get.security).toEqual([{ 'api-key': [] }]);
  });

  describe('with the worker loop on', () => {
    let looping: NestExpressApplication;
    const loopDatabase = `${database}_loop`;

    beforeAll(async () => {
      looping = await startInstance({ WEBHOOK_DELIVERY_WORKER: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' }, loopDatabase);
      await looping.get(MongoApiKeyStore).insert({ ...keys.a, ownerId: 'mall-a', createdAt: new Date() });
    });

    afterAll(async () => {
      await looping?.get<Connection>(getConnectionToken()).dropDatabase();
      await looping?.close();
    });

    it('sends a dispatched event without being asked, and retries it when due', async () => {
      const type = newEventType();
      const created = await request(looping.getHttpServer())
        .post('/webhook-endpoints')
        .set('X-Api-Key', keys.a.plaintext)
        .send({ url: `${receiver.url}/loop` });
      receiver.answer('/loop', [500]);
      const event = orderEvent('mall-a', type);
      await looping.get(WebhookDispatcher).dispatch('mall-a', event);
      await waitFor(() => receiver.at('/loop').length === 1, { timeoutMs: 10_000, message: 'the first attempt' });
      advance(10_000);
      await waitFor(() => receiver.at('/loop').length === 2, { timeoutMs: 10_000, message: 'the retry once due' });
      const detail = await waitFor(
        async () => {
          const response = await request(looping.getHttpServer())
            .get(`/webhook-endpoints/${created.body.id}/deliveries/${created.body.id}:${event.id}`)
            .set('X-Api-Key', keys.a.plaintext);
          return response.body.status === 'delivered' && response.body;
        },
        { timeoutMs: 10_000, message: 'the delivery to be recorded as delivered' },
      );
      expect(detail.attemptCount).toBe(2);
    });
  });
});
