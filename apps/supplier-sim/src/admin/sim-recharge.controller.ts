import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@supply-hub/http';
import {
  type RechargeCompleteRequest,
  rechargeCompleteRequestSchema,
  type RechargeKnobsPatch,
  rechargeKnobsPatchSchema,
  type RechargeOrdersQuery,
  rechargeOrdersQuerySchema,
  RechargeSandbox,
} from '@supply-hub/sim-sandboxes';

/**
 * Steering the recharge sandboxes (福禄-style and 聚合-style): their orders, their knobs, and completions
 * on demand. Faults of their calls (latency, 5xx, outage, hang) are per provider on POST /sim/faults.
 */
@ApiTags('sandbox: admin')
@Public()
@Controller('sim/recharge')
export class SimRechargeController {
  constructor(private readonly recharge: RechargeSandbox) {}

  @Get('orders')
  @ApiOperation({ summary: 'Orders ({ provider?, state?, orderNo? }) with their state, reason, notify counts and last notify answer' })
  @ApiProblemResponses(400)
  orders(@Query({ schema: rechargeOrdersQuerySchema }) query: RechargeOrdersQuery) {
    return this.recharge.list(query);
  }

  @Post('complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a processing order now: { provider, orderNo, outcome?: success | failed, reason? }; answers after the first notify attempt' })
  @ApiProblemResponses(400, 404, 409)
  complete(@Body({ schema: rechargeCompleteRequestSchema }) request: RechargeCompleteRequest) {
    return this.recharge.complete(request);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Knobs per provider: completionDelayMs, failing suffixes, notify drop / duplicate / bad-sign rates, delay, retries' })
  settings() {
    return this.recharge.knobs();
  }

  @Post('settings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change knobs: { fulu?, juhe? } with any of them (back to their start values with POST /sim/reset)' })
  @ApiProblemResponses(400)
  updateSettings(@Body({ schema: rechargeKnobsPatchSchema }) patch: RechargeKnobsPatch) {
    return this.recharge.updateKnobs(patch);
  }
}
