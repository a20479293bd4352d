import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '@supply-hub/auth';
import { ApiProblemResponses, Ctx, Idempotent, TenantAuth } from '@supply-hub/http';
import {
  type CreateWebhookEndpoint,
  createdWebhookEndpointSchema,
  createWebhookEndpointSchema,
  webhookEndpointIdSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
} from './webhook-endpoint.dto';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ApiTags('webhook endpoints')
@TenantAuth()
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Register an endpoint; the answer holds its signing secret, shown only this once' })
  @ApiCreatedResponse({ standardSchema: createdWebhookEndpointSchema })
  @ApiProblemResponses(400)
  create(@Ctx() ctx: RequestContext, @Body({ schema: createWebhookEndpointSchema }) body: CreateWebhookEndpoint) {
    return this.endpoints.create(ctx, body);
  }

  @Get()
  @ApiOkResponse({ standardSchema: webhookEndpointListSchema })
  async list(@Ctx() ctx: RequestContext) {
    return { items: await this.endpoints.list(ctx) };
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: webhookEndpointSchema })
  @ApiProblemResponses(404)
  get(@Ctx() ctx: RequestContext, @Param('id', { schema: webhookEndpointIdSchema }) id: string) {
    return this.endpoints.get(ctx, id);
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume deliveries to an endpoint disabled after repeated failures (deliveries that failed meanwhile can be retried one by one)' })
  @ApiOkResponse({ standardSchema: webhookEndpointSchema })
  @ApiProblemResponses(404)
  enable(@Ctx() ctx: RequestContext, @Param('id', { schema: webhookEndpointIdSchema }) id: string) {
    return this.endpoints.enable(ctx, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted; no more deliveries go to it' })
  @ApiProblemResponses(404)
  async remove(@Ctx() ctx: RequestContext, @Param('id', { schema: webhookEndpointIdSchema }) id: string): Promise<void> {
    await this.endpoints.remove(ctx, id);
  }
}
