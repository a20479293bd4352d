import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import type { ServerResponse } from 'node:http';
import { MetricsService } from './metrics.service';

/** GET /metrics in the Prometheus text format; public, like /health, for the scraper. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Public()
  @Get()
  async scrape(@Res() response: ServerResponse): Promise<void> {
    const body = await this.metrics.registry.metrics();
    response.statusCode = 200;
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.end(body);
  }
}
