import { Controller, Get, Module } from '@nestjs/common';
import { envTypes } from '@supply-hub/config';
import { Public } from '@supply-hub/http';
import request from 'supertest';
import { z } from 'zod';
import { createServiceApp } from './bootstrap/create-service-app';
import { PlatformModule } from './platform.module';

@Controller('quotes')
class SandboxController {
  @Public()
  @Get()
  quotes() {
    return { quotes: [] };
  }
}

/** A service without a database, as the supplier sandboxes are: no Mongo, so nothing to connect to. */
@Module({ imports: [PlatformModule.forService({ mongo: false })], controllers: [SandboxController] })
class SandboxModule {}

const sandboxEnv = z.object({ PORT: envTypes.port(3005), HOST: z.string().default('127.0.0.1'), LOG_LEVEL: envTypes.logLevel() });

describe('PlatformModule without a database', () => {
  it('serves routes, health, metrics and docs', async () => {
    const { app } = await createServiceApp({ name: 'sandbox', envSchema: sandboxEnv, module: SandboxModule, env: { LOG_LEVEL: 'silent' } });
    await app.init();
    try {
      const http = request(app.getHttpServer());
      expect((await http.get('/quotes')).body).toEqual({ quotes: [] });
      expect((await http.get('/health')).body).toMatchObject({ status: 'ok' });
      expect((await http.get('/metrics')).text).toContain('http_request_duration_seconds');
      expect((await http.get('/docs-json')).body.info.title).toBe('sandbox');
      const unauthenticated = await http.get('/quotes/nope').set('X-Api-Key', 'sk_tenant_whatever');
      expect(unauthenticated.status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('refuses webhook endpoints without a database', () => {
    expect(() => PlatformModule.forService({ mongo: false, webhookEndpoints: true })).toThrow('webhook endpoints need mongo');
  });

  it('refuses the audit log without a database', () => {
    expect(() => PlatformModule.forService({ mongo: false, audit: true })).toThrow('the audit log needs mongo');
  });
});
