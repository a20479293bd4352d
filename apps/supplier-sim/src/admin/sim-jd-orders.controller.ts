import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@supply-hub/http';
import {
  JdOrderBook,
  type JdOrderKnobsPatch,
  jdOrderKnobsPatchSchema,
  type JdOrderListQuery,
  jdOrderListQuerySchema,
  type JdOrderRequest,
  jdOrderRequestSchema,
} from '@supply-hub/sim-sandboxes';

/** Steering the JD sandbox's orders: look at them, move them a step or have them refused at the door (for deterministic tests). */
@ApiTags('sandbox: admin')
@Public()
@Controller('sim/jd/orders')
export class SimJdOrdersController {
  constructor(private readonly orders: JdOrderBook) {}

  @Get()
  @ApiOperation({ summary: 'Orders (all, or ?thirdOrder=) with their state, confirmation, step reached and track' })
  @ApiProblemResponses(400)
  list(@Query({ schema: jdOrderListQuerySchema }) query: JdOrderListQuery) {
    return this.orders.list(query);
  }

  @Post('advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'The next step of a confirmed order { jdOrderId | thirdOrder } now: 发货完成, 到站, 派送, then 妥投 (type-5 message)' })
  @ApiProblemResponses(400, 404, 409)
  advance(@Body({ schema: jdOrderRequestSchema }) request: JdOrderRequest) {
    return this.orders.advance(request);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'The recipient refuses a confirmed order { jdOrderId | thirdOrder, reason? } now: 拒收, state 2, type-5 message' })
  @ApiProblemResponses(400, 404, 409)
  reject(@Body({ schema: jdOrderRequestSchema }) request: JdOrderRequest) {
    return this.orders.reject(request);
  }

  @Get('settings')
  @ApiOperation({ summary: 'The order knobs: stepIntervalMs, rejectRate' })
  settings() {
    return this.orders.knobs();
  }

  @Post('settings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the order knobs (back to their start values with POST /sim/reset)' })
  @ApiProblemResponses(400)
  updateSettings(@Body({ schema: jdOrderKnobsPatchSchema }) patch: JdOrderKnobsPatch) {
    return this.orders.updateKnobs(patch);
  }
}
