import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { BrandFeeds, type SandboxRequest, sendSandboxResponse } from '@supply-hub/sim-sandboxes';
import type { ServerResponse } from 'node:http';

/** Brand-direct feeds: each brand's catalog as CSV (UTF-8 with BOM) or JSON, with ETag and Last-Modified. */
@ApiTags('sandbox: brand feeds')
@Public()
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: BrandFeeds) {}

  @Get()
  @ApiOperation({ summary: 'The brands and their feed URLs' })
  list(@Req() request: SandboxRequest, @Res() response: ServerResponse) {
    sendSandboxResponse(response, this.feeds.list(`http://${request.headers.host ?? '127.0.0.1'}`));
  }

  @Get(':brand/products.csv')
  @ApiOperation({ summary: 'A brand feed as CSV; 304 on a matching If-None-Match / If-Modified-Since' })
  csv(@Param('brand') brand: string, @Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer(brand, 'csv', request, response);
  }

  @Get(':brand/products.json')
  @ApiOperation({ summary: 'The same feed as a JSON array keyed by the same column names' })
  json(@Param('brand') brand: string, @Req() request: SandboxRequest, @Res() response: ServerResponse) {
    return this.answer(brand, 'json', request, response);
  }

  private async answer(brand: string, format: 'csv' | 'json', request: SandboxRequest, response: ServerResponse): Promise<void> {
    const headers = { ifNoneMatch: header(request, 'if-none-match'), ifModifiedSince: header(request, 'if-modified-since') };
    sendSandboxResponse(response, await this.feeds.feed(brand, format, headers));
  }
}

function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
