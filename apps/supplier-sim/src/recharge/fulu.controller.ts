import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { FuluGateway, readRequestParams, type SandboxRequest, sendSandboxResponse } from '@supply-hub/sim-sandboxes';
import { FULU_GATEWAY_PATH } from '@supply-hub/supplier-protocols';
import type { ServerResponse } from 'node:http';

/**
 * The 福禄-style recharge gateway: one JSON POST per call, the method a field, signed with the app
 * secret. Public to supply-hub's auth: the sandbox checks the provider's own app key and signature.
 */
@ApiTags('sandbox: recharge')
@Public()
@Controller('fulu')
export class FuluController {
  constructor(private readonly gateway: FuluGateway) {}

  @Post(FULU_GATEWAY_PATH)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Gateway: {app_key, method (fulu.order.direct.add | mobile.add | card.add | info.get), timestamp, version, format, charset, sign_type, biz_content, sign} → {code, message, result, sign}',
  })
  async call(@Req() request: SandboxRequest, @Res() response: ServerResponse): Promise<void> {
    sendSandboxResponse(response, await this.gateway.handle(await readRequestParams(request)));
  }
}
