import { type DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { WebhookEnv } from './webhook-env';

/** The validated environment of the running service (its own schema's output). */
export const SERVICE_CONFIG = Symbol('ServiceConfig');
/** Name and version, for logs, metrics and the OpenAPI document. */
export const SERVICE_INFO = Symbol('ServiceInfo');

export interface ServiceInfo {
  name: string;
  version: string;
}

/**
 * The settings the platform itself reads. Every schema built with `serviceEnvSchema` has them; a
 * service without a database (the supplier sandboxes) leaves the Mongo ones out and runs with
 * `PlatformModule.forService({ mongo: false })`.
 */
export interface PlatformEnv extends Partial<WebhookEnv> {
  PORT: number;
  HOST: string;
  LOG_LEVEL: string;
  MONGO_URL?: string;
  MONGO_DB?: string;
  STAFF_TOKEN_SECRET?: string;
  // WEBHOOK_*: see webhookEnvShape (WEBHOOK_ALLOW_HTTP_LOCALHOST lets endpoints use http://localhost; never in production).
}

export const InjectServiceConfig = () => Inject(SERVICE_CONFIG);

/**
 * Holds the config that runService / createServiceApp loaded before Nest started, so that modules can
 * stay static classes (`PlatformModule.forService()` in imports) and still be configured.
 */
@Global()
@Module({})
export class ServiceConfigModule {
  static forRoot(info: ServiceInfo, config: PlatformEnv): DynamicModule {
    return {
      module: ServiceConfigModule,
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_INFO, useValue: info },
      ],
      exports: [SERVICE_CONFIG, SERVICE_INFO],
    };
  }
}
