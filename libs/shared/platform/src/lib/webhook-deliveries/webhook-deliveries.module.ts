import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { modelOn } from '@supply-hub/mongo';
import type { Connection } from 'mongoose';
import { type PlatformEnv, SERVICE_CONFIG } from '../config/service-config';
import { MetricsModule } from '../metrics/metrics.module';
import { WebhookEndpointsModule } from '../webhook-endpoints/webhook-endpoints.module';
import { WEBHOOK_DELIVERY_MODEL, WEBHOOK_DELIVERY_SEQ_MODEL, WEBHOOK_QUEUE_MODEL } from './webhook-delivery.schema';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_DELIVERY_SETTINGS, webhookDeliverySettingsFrom } from './webhook-delivery-settings';
import { WebhookDeliveryMetrics } from './webhook-delivery-metrics.service';
import { WebhookDeliveryWorker } from './webhook-delivery-worker.service';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDispatcher } from './webhook-dispatcher.service';
import { WebhookQueueRepository } from './webhook-queue.repository';
import { WebhookSender } from './webhook-sender.service';

/**
 * Webhook delivery to malls: WebhookDispatcher for the services, the worker that sends, and the
 * delivery log routes under /webhook-endpoints/:id/deliveries. Mounted with the endpoints by
 * PlatformModule.forService({ webhookEndpoints: true }).
 */
@Module({
  imports: [WebhookEndpointsModule, MetricsModule],
  controllers: [WebhookDeliveriesController],
  providers: [
    { provide: WEBHOOK_DELIVERY_SETTINGS, inject: [SERVICE_CONFIG], useFactory: (config: PlatformEnv) => webhookDeliverySettingsFrom(config) },
    {
      provide: WebhookDeliveryRepository,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) =>
        new WebhookDeliveryRepository(modelOn(connection, WEBHOOK_DELIVERY_MODEL), modelOn(connection, WEBHOOK_DELIVERY_SEQ_MODEL)),
    },
    {
      provide: WebhookQueueRepository,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => new WebhookQueueRepository(modelOn(connection, WEBHOOK_QUEUE_MODEL)),
    },
    WebhookSender,
    WebhookDeliveryMetrics,
    WebhookDeliveryWorker,
    WebhookDispatcher,
    WebhookDeliveriesService,
  ],
  exports: [WebhookDispatcher, WebhookDeliveryWorker],
})
export class WebhookDeliveriesModule {}
