import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { JdSandbox, type JdMethod, readRequestParams, type SandboxRequest, sendSandboxResponse } from '@supply-hub/sim-sandboxes';
import type { ServerResponse } from 'node:http';

/**
 * The JD-style procurement API (京东 VOP): form posts, answers in JD's envelope. Public to supply-hub's
 * auth: the sandbox checks JD's own tokens and signatures.
 */
@ApiTags('sandbox: JD')
@ApiConsumes('application/x-www-form-urlencoded')
@Public()
@Controller('jd')
export class JdController {
  constructor(private readonly jd: JdSandbox) {}

  @Post('oauth2/accessToken')
  @HttpCode(200)
  @ApiOperation({ summary: 'Token: signed form (grant_type, client_id, client_secret, timestamp, username, password MD5, scope, sign)' })
  accessToken(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('oauth2/accessToken', request, response);
  }

  @Post('oauth2/refreshToken')
  @HttpCode(200)
  @ApiOperation({ summary: 'New access token from refresh_token, client_id, client_secret' })
  refreshToken(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('oauth2/refreshToken', request, response);
  }

  @Post('api/product/getPageNum')
  @ApiOperation({ summary: 'Product pools: [{ name, page_num }]' })
  getPageNum(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('product/getPageNum', request, response);
  }

  @Post('api/product/getSkuByPage')
  @ApiOperation({ summary: 'SKU ids of a pool (pageNum, pageNo), up to 10,000 a page' })
  getSkuByPage(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('product/getSkuByPage', request, response);
  }

  @Post('api/product/getDetail')
  @ApiOperation({ summary: 'One SKU: name, brand, category, images, upc, param …' })
  getDetail(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('product/getDetail', request, response);
  }

  @Post('api/product/skuState')
  @ApiOperation({ summary: 'Listed (1) or not (0), up to 100 SKUs' })
  skuState(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('product/skuState', request, response);
  }

  @Post('api/price/getSellPrice')
  @ApiOperation({ summary: 'Agreement and JD prices in yuan, up to 100 SKUs' })
  getSellPrice(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('price/getSellPrice', request, response);
  }

  @Post('api/stock/getNewStockById')
  @ApiOperation({ summary: 'Stock state per SKU in an area (skuNums JSON, area province_city_county)' })
  getNewStockById(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('stock/getNewStockById', request, response);
  }

  @Post('api/message/get')
  @ApiOperation({ summary: 'Undeleted change messages of the given types (2, 4, 5, 6, 10, 16)' })
  messageGet(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('message/get', request, response);
  }

  @Post('api/message/del')
  @ApiOperation({ summary: 'Acknowledge messages by id (comma-separated)' })
  messageDel(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('message/del', request, response);
  }

  @Post('api/order/submitOrder')
  @ApiOperation({ summary: 'Place an order (thirdOrder, sku JSON, recipient, area ids, invoice, submitState); 0008 with that order when thirdOrder exists' })
  submitOrder(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('order/submitOrder', request, response);
  }

  @Post('api/order/selectJdOrderIdByThirdOrder')
  @ApiOperation({ summary: 'The jdOrderId a thirdOrder got (3101 when none): the lookup after a lost submitOrder answer' })
  selectJdOrderIdByThirdOrder(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('order/selectJdOrderIdByThirdOrder', request, response);
  }

  @Post('api/order/confirmOrder')
  @ApiOperation({ summary: 'Confirm an order submitted with submitState 0 (3103 when already confirmed)' })
  confirmOrder(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('order/confirmOrder', request, response);
  }

  @Post('api/order/cancel')
  @ApiOperation({ summary: 'Cancel an unconfirmed order (3102 once confirmed)' })
  cancelOrder(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('order/cancel', request, response);
  }

  @Post('api/order/selectJdOrder')
  @ApiOperation({ summary: 'An order: state (0 new, 1 delivered, 2 rejected), submitState, orderState, prices, lines' })
  selectJdOrder(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('order/selectJdOrder', request, response);
  }

  @Post('api/order/orderTrack')
  @ApiOperation({ summary: "An order's track: [{ msgTime, content, operator }], oldest first" })
  orderTrack(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer('order/orderTrack', request, response);
  }

  private async answer(method: JdMethod, request: SandboxRequest, response: ServerResponse): Promise<void> {
    sendSandboxResponse(response, await this.jd.handle(method, await readRequestParams(request)));
  }
}
