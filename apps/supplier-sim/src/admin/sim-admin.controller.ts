import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@supply-hub/http';
import { type ChangeRequest, changeRequestSchema, type FaultSettingsPatch, faultSettingsPatchSchema, SimAdmin } from '@supply-hub/sim-sandboxes';

/**
 * Steering the sandboxes: fault knobs, change rounds, counters, reset. Public like the sandboxes
 * themselves (supplier-sim is a development and test tool and keeps nothing).
 */
@ApiTags('sandbox: admin')
@Public()
@Controller('sim')
export class SimAdminController {
  constructor(private readonly admin: SimAdmin) {}

  @Get('faults')
  @ApiOperation({ summary: 'Fault settings per protocol family (jd, taobao, feeds, carrier, fulu, juhe)' })
  faults() {
    return this.admin.faults();
  }

  @Post('faults')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change fault settings: { all?, jd?, taobao?, feeds?, carrier?, fulu?, juhe? } with any of the knobs' })
  @ApiProblemResponses(400)
  updateFaults(@Body({ schema: faultSettingsPatchSchema }) patch: FaultSettingsPatch) {
    return this.admin.updateFaults(patch);
  }

  @Post('changes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply a change round { priceMoves, stockOuts, delistings, newSkus, detailChanges }; counts ≥ 1 or shares < 1' })
  @ApiProblemResponses(400)
  changes(@Body({ schema: changeRequestSchema }) request: ChangeRequest) {
    return this.admin.applyChanges(request);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Requests per endpoint, world size and versions, pending JD messages' })
  stats() {
    return this.admin.snapshot();
  }

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back to the seed state: changes, JD messages, faults and counters (tokens stay valid)' })
  reset() {
    return this.admin.reset();
  }

  @Post('jd/tokens/expire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Expire every JD access token now (refresh tokens keep working)' })
  expireJdTokens() {
    return this.admin.expireJdTokens();
  }
}
