import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '@supply-hub/auth';
import { ApiProblemResponses, Ctx, TenantAuth } from '@supply-hub/http';
import { webhookEndpointIdSchema } from '../webhook-endpoints/webhook-endpoint.dto';
import {
  type ListDeliveriesQuery,
  listDeliveriesQuerySchema,
  webhookDeliveryIdSchema,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
} from './webhook-delivery.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

@ApiTags('webhook endpoints')
@TenantAuth()
@Controller('webhook-endpoints/:id/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  @ApiOperation({ summary: "The endpoint's deliveries, newest first; cursor-paged" })
  @ApiOkResponse({ standardSchema: webhookDeliveryPageSchema })
  @ApiProblemResponses(400, 404)
  list(
    @Ctx() ctx: RequestContext,
    @Param('id', { schema: webhookEndpointIdSchema }) id: string,
    @Query({ schema: listDeliveriesQuerySchema }) query: ListDeliveriesQuery,
  ) {
    return this.deliveries.list(ctx, id, query);
  }

  @Get(':deliveryId')
  @ApiOperation({ summary: 'One delivery with its attempts (time, status code or error, duration) and the event sent' })
  @ApiOkResponse({ standardSchema: webhookDeliverySchema })
  @ApiProblemResponses(400, 404)
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', { schema: webhookEndpointIdSchema }) id: string,
    @Param('deliveryId', { schema: webhookDeliveryIdSchema }) deliveryId: string,
  ) {
    return this.deliveries.get(ctx, id, deliveryId);
  }

  @Post(':deliveryId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Redeliver now: the next attempt of a pending delivery, or one more attempt of a delivered or failed one' })
  @ApiAcceptedResponse({ standardSchema: webhookDeliverySchema })
  @ApiProblemResponses(400, 404, 409)
  retry(
    @Ctx() ctx: RequestContext,
    @Param('id', { schema: webhookEndpointIdSchema }) id: string,
    @Param('deliveryId', { schema: webhookDeliveryIdSchema }) deliveryId: string,
  ) {
    return this.deliveries.retry(ctx, id, deliveryId);
  }
}
