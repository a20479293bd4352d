// Bootstrap: main.ts is one runService call; tests build the same app with createServiceApp
export * from './lib/bootstrap/run-service';
export * from './lib/bootstrap/create-service-app';
export * from './lib/bootstrap/service-options';
export * from './lib/bootstrap/openapi';
// Config available to every module
export * from './lib/config/clock';
export * from './lib/config/service-config';
export * from './lib/config/webhook-env';
// The module an AppModule imports
export * from './lib/platform.module';
export * from './lib/platform-stores.module';
// Logging
export * from './lib/logging/redact';
export * from './lib/logging/logger-options';
// Health and metrics
export * from './lib/health/health-check.registry';
export * from './lib/health/health-check.provider';
export * from './lib/health/health.module';
export * from './lib/metrics/metrics.service';
export * from './lib/metrics/metrics.module';
// Webhook endpoints (tenant-owned)
export * from './lib/webhook-endpoints/webhook-endpoint.dto';
export * from './lib/webhook-endpoints/webhook-endpoint.schema';
export * from './lib/webhook-endpoints/webhook-endpoint.repository';
export * from './lib/webhook-endpoints/webhook-endpoints.service';
export * from './lib/webhook-endpoints/webhook-endpoints.module';
export * from './lib/webhook-endpoints/webhook-url-policy';
// Webhook delivery (WebhookDispatcher for services; the worker; the delivery log)
export * from './lib/webhook-deliveries/webhook-delivery-settings';
export * from './lib/webhook-deliveries/webhook-delivery-policy';
export * from './lib/webhook-deliveries/webhook-request';
export * from './lib/webhook-deliveries/webhook-delivery.schema';
export * from './lib/webhook-deliveries/webhook-delivery.dto';
export * from './lib/webhook-deliveries/webhook-dispatcher.service';
export * from './lib/webhook-deliveries/webhook-delivery-worker.service';
export * from './lib/webhook-deliveries/webhook-deliveries.module';
export * from './lib/scheduling/periodic-task';
// Staff audit log (with audit: true): AuditLog for services, GET /audit
export * from './lib/audit/audit-entry';
export * from './lib/audit/audit-entry.schema';
export * from './lib/audit/audit-query';
export * from './lib/audit/audit-log.repository';
export * from './lib/audit/audit-log.service';
export * from './lib/audit/audit.dto';
export * from './lib/audit/audit.module';
