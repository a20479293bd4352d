import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { CarrierSandbox, readRequestParams, type SandboxRequest, sendSandboxResponse } from '@supply-hub/sim-sandboxes';
import { CARRIER_SUBSCRIBE_PATH } from '@supply-hub/supplier-protocols';
import type { ServerResponse } from 'node:http';

/**
 * The carrier tracking subscription (快递100 style): a form post subscribes a tracking number, then the
 * sandbox pushes the parcel's history to the callback URL. Public to supply-hub's auth: the sandbox
 * checks the carrier's own subscriber key.
 */
@ApiTags('sandbox: carrier')
@ApiConsumes('application/x-www-form-urlencoded')
@Public()
@Controller('carrier')
export class CarrierController {
  constructor(private readonly carrier: CarrierSandbox) {}

  @Post(CARRIER_SUBSCRIBE_PATH)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Subscribe: form schema=json, param={company, number, key, parameters: {callbackurl, salt, resultv2}} → {result, returnCode, message}',
  })
  async subscribe(@Req() request: SandboxRequest, @Res() response: ServerResponse): Promise<void> {
    sendSandboxResponse(response, await this.carrier.handleSubscribe(await readRequestParams(request)));
  }
}
