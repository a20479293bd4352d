import { type DynamicModule, Module } from '@nestjs/common';
import { HttpConventionsModule } from '@supply-hub/http';
import { MongoModule } from '@supply-hub/mongo';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { type PlatformEnv, SERVICE_CONFIG, SERVICE_INFO, type ServiceInfo } from './config/service-config';
import { HealthModule } from './health/health.module';
import { loggerOptions } from './logging/logger-options';
import { MetricsModule } from './metrics/metrics.module';
import { PlatformStoresModule } from './platform-stores.module';
import { WebhookDeliveriesModule } from './webhook-deliveries/webhook-deliveries.module';
import { WebhookEndpointsModule } from './webhook-endpoints/webhook-endpoints.module';

export interface PlatformOptions {
  /**
   * Connect to MONGO_URL / MONGO_DB (default true). Without a database a service has no API keys (only
   * staff tokens authenticate), no idempotency store and no Mongo health check: the supplier sandboxes.
   */
  mongo?: boolean;
  /**
   * Mount the tenant-facing /webhook-endpoints routes (with the delivery log) and provide the
   * WebhookDispatcher and its delivery worker (mall-facing services; needs mongo).
   */
  webhookEndpoints?: boolean;
  /**
   * Provide the AuditLog (staff actions, append-only, in the service's `audit_log` collection) and mount
   * GET /audit for the admin and quality roles (services where staff act; needs mongo).
   */
  audit?: boolean;
}

/**
 * Everything a service shares, imported once by its AppModule: JSON logs with redaction, the Mongo
 * connection and its indexes, problem+json errors, validation, authentication, idempotency, /health,
 * /metrics and, opt-in, webhook endpoints and delivery, and the staff audit log. Needs the config that
 * runService / createServiceApp provide.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions = {}): DynamicModule {
    const mongo = options.mongo ?? true;
    if (options.webhookEndpoints && !mongo) throw new Error('PlatformModule: webhook endpoints need mongo');
    if (options.audit && !mongo) throw new Error('PlatformModule: the audit log needs mongo');
    const stores = mongo ? [PlatformStoresModule] : [];
    const webhooks = options.webhookEndpoints ? [WebhookEndpointsModule, WebhookDeliveriesModule] : [];
    const audit = options.audit ? [AuditModule] : [];
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          inject: [SERVICE_INFO, SERVICE_CONFIG],
          useFactory: (info: ServiceInfo, config: PlatformEnv) => ({ pinoHttp: loggerOptions(info, config) }),
        }),
        ...(mongo
          ? [
              MongoModule.forRootAsync({
                inject: [SERVICE_INFO, SERVICE_CONFIG],
                useFactory: (info: ServiceInfo, config: PlatformEnv) => {
                  if (!config.MONGO_URL || !config.MONGO_DB) throw new Error(`${info.name}: MONGO_URL and MONGO_DB are required (or PlatformModule.forService({ mongo: false }))`);
                  return { url: config.MONGO_URL, dbName: config.MONGO_DB, appName: info.name };
                },
              }),
            ]
          : []),
        ...stores,
        HttpConventionsModule.forRoot({
          imports: stores,
          auth: { inject: [SERVICE_CONFIG], useFactory: (config: PlatformEnv) => ({ staffTokenSecret: config.STAFF_TOKEN_SECRET }) },
        }),
        HealthModule.forRoot({ mongo }),
        MetricsModule,
        ...webhooks,
        ...audit,
      ],
      exports: [MetricsModule, ...stores, ...webhooks, ...audit],
    };
  }
}
