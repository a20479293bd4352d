import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@supply-hub/http';
import {
  CarrierSandbox,
  type CarrierKnobsPatch,
  carrierKnobsPatchSchema,
  type CarrierNumberRequest,
  carrierNumberRequestSchema,
} from '@supply-hub/sim-sandboxes';

/** Steering the carrier sandbox: its subscriptions, its knobs, and its timeline on demand (for deterministic tests). */
@ApiTags('sandbox: admin')
@Public()
@Controller('sim/carrier')
export class SimCarrierController {
  constructor(private readonly carrier: CarrierSandbox) {}

  @Get('subscriptions')
  @ApiOperation({ summary: 'Subscriptions with their status, checkpoint reached, state and push counts' })
  subscriptions() {
    return this.carrier.list();
  }

  @Post('advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Push the next checkpoint of { number, company? } now; answers once the receiver has answered the push' })
  @ApiProblemResponses(400, 404, 409)
  advance(@Body({ schema: carrierNumberRequestSchema }) request: CarrierNumberRequest) {
    return this.carrier.advance(request);
  }

  @Post('abort')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give up on { number, company?, message? } with an abort push; subscribing again resumes the journey' })
  @ApiProblemResponses(400, 404, 409)
  abort(@Body({ schema: carrierNumberRequestSchema }) request: CarrierNumberRequest) {
    return this.carrier.abort(request);
  }

  @Get('settings')
  @ApiOperation({ summary: 'The push knobs: pushIntervalMs, duplicateRate, outOfOrderRate, exceptionRate, retries, retryDelayMs, pushTimeoutMs' })
  settings() {
    return this.carrier.knobs();
  }

  @Post('settings')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change any of the push knobs (back to their start values with POST /sim/reset)' })
  @ApiProblemResponses(400)
  updateSettings(@Body({ schema: carrierKnobsPatchSchema }) patch: CarrierKnobsPatch) {
    return this.carrier.updateKnobs(patch);
  }
}
