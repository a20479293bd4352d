import { Module } from '@nestjs/common';
import { repositoryProvider } from '@supply-hub/mongo';
import { WEBHOOK_ENDPOINT_MODEL } from './webhook-endpoint.schema';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/** POST/GET/DELETE /webhook-endpoints for malls; mounted with PlatformModule.forService({ webhookEndpoints: true }). */
@Module({
  controllers: [WebhookEndpointsController],
  providers: [repositoryProvider(WebhookEndpointRepository, WEBHOOK_ENDPOINT_MODEL), WebhookEndpointsService],
  exports: [WebhookEndpointRepository],
})
export class WebhookEndpointsModule {}
