import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { readRequestParams, type SandboxRequest, sendSandboxResponse, TaobaoGateway } from '@supply-hub/sim-sandboxes';
import type { ServerResponse } from 'node:http';

/** The Taobao-style TOP gateway: one URL, the method a parameter, signed per call. */
@ApiTags('sandbox: Taobao')
@Public()
@Controller('taobao/router/rest')
export class TaobaoController {
  constructor(private readonly gateway: TaobaoGateway) {}

  @Get()
  @ApiOperation({ summary: 'TOP call with parameters in the query (taobao.items.onsale.get, taobao.item.seller.get)' })
  get(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer(request, response);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'TOP call as a form post' })
  post(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer(request, response);
  }

  private async answer(request: SandboxRequest, response: ServerResponse): Promise<void> {
    sendSandboxResponse(response, await this.gateway.handle(await readRequestParams(request)));
  }
}
