import { All, Controller, HttpCode, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { JuheApi, readRequestParams, type SandboxRequest, sendSandboxResponse } from '@supply-hub/sim-sandboxes';
import { JUHE_PATHS } from '@supply-hub/supplier-protocols';
import type { ServerResponse } from 'node:http';

/** The 聚合-style mobile top-up API: query parameters (GET, or a form POST), answers `{reason, result, error_code}`. */
@ApiTags('sandbox: recharge')
@Public()
@Controller('juhe')
export class JuheController {
  constructor(private readonly api: JuheApi) {}

  @All(JUHE_PATHS.onlineOrder)
  @HttpCode(200)
  @ApiOperation({ summary: 'Top up: key, phoneno, cardnum (yuan), orderid, sign = md5(openId+key+phoneno+cardnum+orderid), callback? → game_state 0' })
  async onlineOrder(@Req() request: SandboxRequest, @Res() response: ServerResponse): Promise<void> {
    sendSandboxResponse(response, await this.api.handleOnlineOrder(await readRequestParams(request)));
  }

  @All(JUHE_PATHS.orderState)
  @HttpCode(200)
  @ApiOperation({ summary: 'Order state: orderid, key → {uordercash, sporder_id, game_state 0 | 1 | 9}' })
  async orderState(@Req() request: SandboxRequest, @Res() response: ServerResponse): Promise<void> {
    sendSandboxResponse(response, await this.api.handleOrderState(await readRequestParams(request)));
  }
}
