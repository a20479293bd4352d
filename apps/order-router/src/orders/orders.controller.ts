import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentTenant, TenantAuth } from '@supply-hub/http';
import { CancelOrder, PlaceOrder } from '@supply-hub/orders-application';
import { OrderStore } from '@supply-hub/orders-data-access';
import { cancelRequestSchema, orderIdSchema, type OrderListQuery, orderListQuerySchema, type OrderRequestInput, orderRequestSchema } from './orders.dto';
import { cursorOf, orderView, parseCursor } from './order-view';

/** Malls' orders: placed, read, listed and cancelled by the mall that owns them, and by nobody else. */
@ApiTags('orders')
@TenantAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrder,
    private readonly cancelOrder: CancelOrder,
    private readonly orders: OrderStore,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Place an order: routed before the answer, which says per line where it went (or why not)',
    description:
      'Idempotent on mallOrderId: the same id and body answer 200 with the order as it is; the same id with another body is a 409. A line for a blacklisted SKU, or one outside the mall’s selection pool, is a 400 naming lines.N.skuId.',
  })
  @ApiProblemResponses(400, 409)
  async place(
    @CurrentTenant() tenantId: string,
    @Body({ schema: orderRequestSchema }) body: OrderRequestInput,
    @Res({ passthrough: true }) response: { status(code: number): unknown; setHeader(name: string, value: string): unknown },
  ) {
    const placed = await this.placeOrder.execute(tenantId, body);
    response.status(placed.created ? 201 : 200);
    response.setHeader('Location', `/orders/${placed.order._id}`);
    return orderView(placed.order);
  }

  @Get()
  @ApiOperation({ summary: "The mall's orders, newest first, by status; cursor-paged" })
  @ApiProblemResponses(400)
  async list(@CurrentTenant() tenantId: string, @Query({ schema: orderListQuerySchema }) query: OrderListQuery) {
    const before = query.cursor === undefined ? undefined : parseCursor(query.cursor);
    if (query.cursor !== undefined && !before)
      throw new ValidationError('the cursor is not one this API gave', [{ path: 'cursor', message: 'unknown cursor' }]);
    const page = await this.orders.list(tenantId, { status: query.status, before }, query.limit + 1);
    const items = page.slice(0, query.limit);
    return { items: items.map(orderView), nextCursor: page.length > query.limit ? cursorOf(items[items.length - 1]!) : null };
  }

  @Get(':orderId')
  @ApiOperation({ summary: 'One order: lines, parcels, routing explanation and the timeline of every status change' })
  @ApiProblemResponses(404)
  async get(@CurrentTenant() tenantId: string, @Param('orderId', { schema: orderIdSchema }) orderId: string) {
    const order = await this.orders.get(tenantId, orderId);
    if (!order) throw new NotFoundError('order', orderId);
    return orderView(order);
  }

  @Post(':orderId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel before dispatch: reservations are released; after dispatch 409 (after-sales handles it)' })
  @ApiProblemResponses(400, 404, 409)
  async cancel(
    @CurrentTenant() tenantId: string,
    @Param('orderId', { schema: orderIdSchema }) orderId: string,
    @Body({ schema: cancelRequestSchema }) body: { reason: string },
  ) {
    return orderView(await this.cancelOrder.execute(tenantId, orderId, body.reason));
  }
}
