import { Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@supply-hub/config';
import { requestIdMiddleware } from '@supply-hub/http';
import { Logger } from 'nestjs-pino';
import type { z } from 'zod';
import { type PlatformEnv, ServiceConfigModule, type ServiceInfo } from '../config/service-config';
import { securityHeaders } from './http-hardening';
import { setupOpenApi } from './openapi';
import { DEFAULT_BODY_LIMIT, DEFAULT_VERSION, type PlatformSchema, type ServiceOptions } from './service-options';

/** Wraps the app module so the loaded config is in the container before any module is built. */
@Module({})
class ServiceRootModule {}

export interface ServiceApp {
  app: NestExpressApplication;
  config: PlatformEnv;
  info: ServiceInfo;
}

/**
 * Builds a service's Nest application exactly as it will run, without listening: what runService
 * starts and what integration tests drive with supertest (after `app.init()`). Config comes first
 * (a ConfigError names the bad setting before anything connects); the Mongo connection is made while
 * the module tree is built.
 */
export async function createServiceApp<S extends z.ZodObject>(options: ServiceOptions<PlatformSchema<S>>, loadedConfig?: z.output<S>): Promise<ServiceApp> {
  const config = (loadedConfig ?? loadConfig(options.envSchema, options.env)) as PlatformEnv;
  const info: ServiceInfo = { name: options.name, version: options.version ?? DEFAULT_VERSION };

  const app = await NestFactory.create<NestExpressApplication>(
    { module: ServiceRootModule, imports: [ServiceConfigModule.forRoot(info, config), options.module] },
    // abortOnError off: a failed start is an exception the caller reports, not an exit from inside Nest.
    { bufferLogs: true, bodyParser: false, abortOnError: false, rawBody: options.rawBody ?? false },
  );
  app.useLogger(app.get(Logger));

  // Order matters: the correlation id must exist before the logger and everything after it run.
  app.use(requestIdMiddleware);
  app.use(securityHeaders);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  app.enableShutdownHooks();
  setupOpenApi(app, info);

  if (options.transport) {
    // inheritAppConfig: Kafka handlers get the same global pipes, guards, interceptors and filters
    // (each of ours steps aside for non-HTTP contexts), and nestjs-pino's per-message log context.
    app.connectMicroservice({ strategy: options.transport(app) }, { inheritAppConfig: true });
  }
  return { app, config, info };
}

/** Flushes what Nest buffered so a failed start still says why. */
export function flushStartupLogs(): void {
  NestLogger.flush();
}
