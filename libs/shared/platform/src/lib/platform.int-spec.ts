import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import { generateApiKey, issueStaffToken, type StaffPrincipal } from '@supply-hub/auth';
import { serviceEnvSchema } from '@supply-hub/config';
import { CurrentStaff, CurrentTenant, Idempotent, Public, StaffAuth, TenantAuth } from '@supply-hub/http';
import { MongoApiKeyStore } from '@supply-hub/mongo';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { z } from 'zod';
import { createServiceApp } from './bootstrap/create-service-app';
import { webhookEnvShape } from './config/webhook-env';
import { HealthCheckRegistry } from './health/health-check.registry';
import { PlatformModule } from './platform.module';

const STAFF_SECRET = 'integration-staff-secret-0123456789abcdef';

const probeOrderSchema = z.object({ mallOrderId: z.string(), quantity: z.number().int().positive() });

@Controller('probe')
class ProbeController {
  private ordersPlaced = 0;

  /** Keyed by the mall's own order id when no Idempotency-Key header is sent. */
  @Post('orders')
  @TenantAuth()
  @Idempotent({ bodyField: 'mallOrderId' })
  placeOrder(@CurrentTenant() tenantId: string, @Body({ schema: probeOrderSchema }) body: z.output<typeof probeOrderSchema>) {
    this.ordersPlaced += 1;
    return { orderNo: this.ordersPlaced, tenantId, ...body };
  }

  @Get('staff')
  @StaffAuth('admin')
  staff(@CurrentStaff() staff: StaffPrincipal) {
    return { sub: staff.sub };
  }

  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }

  @Get('tenant-or-staff')
  @TenantAuth()
  @StaffAuth('operations')
  either() {
    return { reached: true };
  }

  @Public()
  @Get('boom')
  boom() {
    throw new TypeError('db password hunter2 for 13812341234 at /srv/internal.ts:42');
  }
}

@Module({ imports: [PlatformModule.forService({ webhookEndpoints: true })], controllers: [ProbeController] })
class TestAppModule {}

describe('platform conventions (Nest app on the real FerretDB)', () => {
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  const keys = { tenantA: generateApiKey('tenant'), tenantB: generateApiKey('tenant'), warehouse: generateApiKey('warehouse'), revoked: generateApiKey('tenant') };
  let flaky = false;

  beforeAll(async () => {
    const env = {
      MONGO_URL: process.env.MONGO_URL,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
      MONGO_DB: `platform_it_${Date.now().toString(36)}`,
      STAFF_TOKEN_SECRET: STAFF_SECRET,
      LOG_LEVEL: 'silent',
      WEBHOOK_ALLOW_HTTP_LOCALHOST: 'false',
    };
    ({ app } = await createServiceApp({ name: 'platform-it', envSchema: serviceEnvSchema({ port: 3999, database: 'unused' }).extend(webhookEnvShape), module: TestAppModule, env }));
    app.get(HealthCheckRegistry).register('flaky', () => (flaky ? { status: 'down', error: 'flaky is down' } : { status: 'up', calls: 1 }));
    await app.init();
    http = request(app.getHttpServer());

    const store = app.get(MongoApiKeyStore);
    const createdAt = new Date();
    await store.insert({ ...keys.tenantA, ownerId: 'mall-a', label: 'A', createdAt });
    await store.insert({ ...keys.tenantB, ownerId: 'mall-b', createdAt });
    await store.insert({ ...keys.warehouse, ownerId: 'wh-bj', createdAt });
    await store.insert({ ...keys.revoked, ownerId: 'mall-a', createdAt });
    await store.revoke(keys.revoked.keyId, createdAt);
  });

  afterAll(async () => {
    if (!app) return;
    await app.get<Connection>(getConnectionToken()).dropDatabase();
    await app.close();
  });

  const asTenantA = (r: request.Test) => r.set('X-Api-Key', keys.tenantA.plaintext);
  const asTenantB = (r: request.Test) => r.set('X-Api-Key', keys.tenantB.plaintext);
  const validBody = { url: 'https://mall-a.example.com/hooks', eventTypes: ['supplyhub.order.routed.v1'] };

  describe('authentication', () => {
    it('answers a request without credentials with a 401 problem', async () => {
      const response = await http.get('/webhook-endpoints').set('X-Request-Id', 'it-req-1');
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['x-request-id']).toBe('it-req-1');
      expect(response.headers['www-authenticate']).toContain('Bearer');
      expect(response.body).toMatchObject({ type: 'https://supply-hub.dev/problems/unauthenticated', status: 401, instance: '/webhook-endpoints', requestId: 'it-req-1' });
    });

    it('rejects unknown, malformed and revoked keys alike', async () => {
      for (const key of [generateApiKey('tenant').plaintext, 'not-a-key', keys.revoked.plaintext]) {
        const response = await http.get('/webhook-endpoints').set('X-Api-Key', key);
        expect(response.status).toBe(401);
        expect(response.body.detail).toBe('API key is not valid');
      }
    });

    it('answers a valid key of the wrong kind with 403', async () => {
      const response = await http.get('/webhook-endpoints').set('X-Api-Key', keys.warehouse.plaintext);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden', detail: 'this route is for tenant keys' });
    });

    it('checks staff roles', async () => {
      const admin = await issueStaffToken({ sub: 'alice', roles: ['admin'], ttlSeconds: 600 }, STAFF_SECRET);
      const curator = await issueStaffToken({ sub: 'bob', roles: ['curator'], ttlSeconds: 600 }, STAFF_SECRET);
      const forged = await issueStaffToken({ sub: 'eve', roles: ['admin'], ttlSeconds: 600 }, 'some-other-secret-0123456789abcdefgh');
      expect((await http.get('/probe/staff').set('Authorization', `Bearer ${admin}`)).body).toEqual({ sub: 'alice' });
      expect((await http.get('/probe/staff').set('Authorization', `Bearer ${curator}`)).status).toBe(403);
      expect((await http.get('/probe/staff').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
      expect((await asTenantA(http.get('/probe/staff'))).status).toBe(403);
      const operations = await issueStaffToken({ sub: 'carol', roles: ['operations'], ttlSeconds: 600 }, STAFF_SECRET);
      expect((await http.get('/probe/tenant-or-staff').set('Authorization', `Bearer ${operations}`)).status).toBe(200);
      expect((await asTenantA(http.get('/probe/tenant-or-staff'))).status).toBe(200);
    });

    it('admits nobody to a route that declares no callers', async () => {
      expect((await asTenantA(http.get('/probe/undeclared'))).status).toBe(403);
    });
  });

  describe('webhook endpoints', () => {
    let created: { id: string; secret: string };

    it('creates an endpoint for the calling tenant and shows its secret once', async () => {
      const response = await asTenantA(http.post('/webhook-endpoints')).send(validBody);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ url: validBody.url, eventTypes: validBody.eventTypes, status: 'enabled', id: expect.stringMatching(/^we_/), secret: expect.stringMatching(/^whsec_/) });
      created = response.body;
      const read = await asTenantA(http.get(`/webhook-endpoints/${created.id}`));
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty('secret');
    });

    it("hides one tenant's endpoints from another (404, never 403)", async () => {
      const other = await asTenantB(http.get(`/webhook-endpoints/${created.id}`));
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('not-found');
      expect((await asTenantB(http.get('/webhook-endpoints'))).body).toEqual({ items: [] });
      expect((await asTenantB(http.delete(`/webhook-endpoints/${created.id}`))).status).toBe(404);
      const own = await asTenantA(http.get('/webhook-endpoints'));
      expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
    });

    it('rejects an invalid body with field paths', async () => {
      const response = await asTenantA(http.post('/webhook-endpoints')).send({ url: 42, eventTypes: ['order.routed'], extra: true });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation-failed');
      expect(response.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual(['body', 'body.eventTypes.0', 'body.url']);
    });

    it('refuses plain http outside local development', async () => {
      const response = await asTenantA(http.post('/webhook-endpoints')).send({ url: 'http://localhost:4000/hooks' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: 'body.url', message: expect.stringContaining('https') }]);
    });

    it('rejects a malformed id', async () => {
      const response = await asTenantA(http.get('/webhook-endpoints/nope'));
      expect(response.status).toBe(400);
      expect(response.body.errors[0].path).toBe('params.id');
    });

    it('deletes an endpoint', async () => {
      const endpoint = (await asTenantA(http.post('/webhook-endpoints')).send({ url: 'https://mall-a.example.com/other' })).body;
      expect((await asTenantA(http.delete(`/webhook-endpoints/${endpoint.id}`))).status).toBe(204);
      expect((await asTenantA(http.get(`/webhook-endpoints/${endpoint.id}`))).status).toBe(404);
    });
  });

  describe('idempotent create', () => {
    it('answers a repeated request with the first answer', async () => {
      const first = await asTenantA(http.post('/webhook-endpoints')).set('Idempotency-Key', 'create-1').send(validBody);
      const second = await asTenantA(http.post('/webhook-endpoints')).set('Idempotency-Key', 'create-1').send({ eventTypes: validBody.eventTypes, url: validBody.url });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
    });

    it('answers the same key with another body with 409', async () => {
      const response = await asTenantA(http.post('/webhook-endpoints')).set('Idempotency-Key', 'create-1').send({ ...validBody, url: 'https://mall-a.example.com/changed' });
      expect(response.status).toBe(409);
      expect(response.body.type).toBe('https://supply-hub.dev/problems/idempotency-key-reused');
    });

    it('keeps keys per tenant', async () => {
      const response = await asTenantB(http.post('/webhook-endpoints')).set('Idempotency-Key', 'create-1').send({ url: 'https://mall-b.example.com/hooks' });
      expect(response.status).toBe(201);
    });

    it('runs concurrent duplicates once', async () => {
      const body = { url: 'https://mall-b.example.com/concurrent' };
      const responses = await Promise.all(Array.from({ length: 6 }, () => asTenantB(http.post('/webhook-endpoints')).set('Idempotency-Key', 'race-1').send(body)));
      const created = responses.filter((response) => response.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
      for (const response of responses.filter((r) => r.status !== 201)) expect(response.body.code).toBe('idempotency-request-in-progress');
      const list = await asTenantB(http.get('/webhook-endpoints'));
      expect(list.body.items.filter((item: { url: string }) => item.url === body.url)).toHaveLength(1);
    });

    it("uses a body field such as the mall's order id as the key", async () => {
      const first = await asTenantA(http.post('/probe/orders')).send({ mallOrderId: 'MO-1', quantity: 2 });
      const again = await asTenantA(http.post('/probe/orders')).send({ quantity: 2, mallOrderId: 'MO-1' });
      expect(first.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(first.body).toMatchObject({ tenantId: 'mall-a', mallOrderId: 'MO-1' });
      expect((await asTenantA(http.post('/probe/orders')).send({ mallOrderId: 'MO-1', quantity: 3 })).status).toBe(409);
      expect((await asTenantB(http.post('/probe/orders')).send({ mallOrderId: 'MO-1', quantity: 3 })).status).toBe(201);
    });

    it('gives the key back when the request fails', async () => {
      const failed = await asTenantA(http.post('/webhook-endpoints')).set('Idempotency-Key', 'retry-1').send({ url: 'ftp://nope' });
      expect(failed.status).toBe(400);
      const retried = await asTenantA(http.post('/webhook-endpoints')).set('Idempotency-Key', 'retry-1').send({ url: 'https://mall-a.example.com/fixed' });
      expect(retried.status).toBe(201);
    });
  });

  describe('HTTP-level failures as problems', () => {
    it('explains a body that is not JSON', async () => {
      const response = await asTenantA(http.post('/webhook-endpoints')).set('Content-Type', 'application/json').send('{"url": ');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'malformed-body', title: 'Malformed request body' });
    });

    it('answers an unknown route with a 404 problem', async () => {
      const response = await http.get('/no-such-route');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers an oversized body with 413', async () => {
      const response = await asTenantA(http.post('/webhook-endpoints')).send({ url: 'https://x.example.com', description: 'x'.repeat(2 * 1024 * 1024) });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('payload-too-large');
    });

    it('answers an unexpected error with a 500 that leaks nothing', async () => {
      const response = await http.get('/probe/boom');
      expect(response.status).toBe(500);
      expect(response.body.code).toBe('internal-error');
      expect(JSON.stringify(response.body)).not.toMatch(/hunter2|13812341234|internal\.ts|TypeError/);
    });

    it('does not advertise the framework', async () => {
      const response = await http.get('/health');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  describe('operations endpoints', () => {
    it('reports health: 200 with Mongo up, 503 with details when a check fails', async () => {
      const healthy = await http.get('/health');
      expect(healthy.status).toBe(200);
      expect(healthy.body).toMatchObject({ status: 'ok', info: { mongo: { status: 'up' }, flaky: { status: 'up', calls: 1 } } });
      flaky = true;
      const unhealthy = await http.get('/health');
      flaky = false;
      expect(unhealthy.status).toBe(503);
      expect(unhealthy.body).toMatchObject({ status: 'error', error: { flaky: { status: 'down', message: 'flaky is down' } }, details: { mongo: { status: 'up' } } });
    });

    it('exposes Prometheus metrics with the request histogram', async () => {
      const response = await http.get('/metrics');
      expect(response.status).toBe(200);
      expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(response.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="POST"[^}]*route="\/webhook-endpoints"[^}]*status_code="201"/);
      expect(response.text).toMatch(/route="unmatched"/);
      expect(response.text).toContain('process_cpu_seconds_total');
    });

    it('serves an OpenAPI document with routes, schemas and security schemes', async () => {
      const response = await http.get('/docs-json');
      expect(response.status).toBe(200);
      const document = response.body;
      expect(document.openapi).toMatch(/^3\./);
      expect(document.info).toMatchObject({ title: 'platform-it' });
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/webhook-endpoints', '/webhook-endpoints/{id}', '/health']));
      expect(document.paths['/metrics']).toBeUndefined();
      expect(document.components.securitySchemes).toMatchObject({ 'api-key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'staff-token': { type: 'http', scheme: 'bearer' } });
      expect(document.components.schemas).toHaveProperty('CreateWebhookEndpoint.properties.url');
      expect(document.components.schemas).toHaveProperty('CreatedWebhookEndpoint.properties.secret');
      expect(document.components.schemas).toHaveProperty('ProblemDetails.properties.errors');
      const create = document.paths['/webhook-endpoints'].post;
      expect(JSON.stringify(create.requestBody)).toContain('#/components/schemas/CreateWebhookEndpoint');
      expect(create.security).toEqual([{ 'api-key': [] }]);
      expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
      expect((await http.get('/docs')).status).toBe(200);
    });
  });
});
