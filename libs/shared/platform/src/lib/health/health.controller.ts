import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type HealthCheckResult, HealthCheckService, HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '@supply-hub/http';
import type { ServerResponse } from 'node:http';
import { HealthCheckRegistry } from './health-check.registry';
import { interpretHealthOutcome } from './health-outcome';

const CHECK_TIMEOUT_MS = 2_000;
export const HEALTH_OPTIONS = Symbol('HealthOptions');

/** GET /health: 200 when every check is up, 503 with the same details when one is not. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthCheckRegistry,
    private readonly mongo: MongooseHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: { mongo: boolean },
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Every dependency answers' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; `error` names it' })
  async check(@Res() response: ServerResponse): Promise<void> {
    const checks = [
      ...(this.options.mongo ? [() => this.mongo.pingCheck('mongo', { timeout: CHECK_TIMEOUT_MS })] : []),
      ...this.registry.entries().map(
        ([name, check]) =>
          () =>
            this.indicators
              .check(name)
              .attempt(async () => {
                const outcome = interpretHealthOutcome(name, await check());
                if (!outcome.up) throw new Error(outcome.reason);
                return outcome.details;
              })
              .withTimeout(CHECK_TIMEOUT_MS),
      ),
    ];
    let status: number = HttpStatus.OK;
    let result: HealthCheckResult | unknown;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      // Terminus reports "down" as an exception carrying the result; here it is an answer, not an error.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      status = HttpStatus.SERVICE_UNAVAILABLE;
      result = error.getResponse();
    }
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(result));
  }
}
