import { Controller, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SettleProviderNotify } from '@supply-hub/codes-application';
import { DomainError } from '@supply-hub/errors';
import { Public, readBodyText } from '@supply-hub/http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A notify is a small form or JSON document; anything far larger is not one. */
const MAX_NOTIFY_BYTES = 64 * 1024;

/**
 * Where recharge providers post the final state of our orders. Outside supply-hub's auth: the
 * provider's signature over the body as sent is the credential, checked before anything is read. Answered
 * with the provider's ack text once stored (it retries otherwise); a refusal is a plain 4xx.
 */
@ApiTags('providers')
@Public()
@Controller('providers')
export class ProviderNotifyController {
  private readonly logger = new Logger(ProviderNotifyController.name);

  constructor(private readonly settle: SettleProviderNotify) {}

  @Post(':providerId/notify')
  @ApiOperation({ summary: "A recharge provider's notify (signed): the order's final state → the provider's ack text" })
  async notify(@Param('providerId') providerId: string, @Req() request: IncomingMessage & { rawBody?: Buffer }, @Res() response: ServerResponse): Promise<void> {
    const body = request.rawBody ? request.rawBody.toString('utf8') : await readBodyText(request, MAX_NOTIFY_BYTES);
    if (body === undefined) return send(response, 413, 'notify too large');
    try {
      const { ack, outcome } = await this.settle.execute(providerId, { body, contentType: request.headers['content-type'] ?? '' });
      if (outcome === 'unknown-order') this.logger.warn({ providerId }, 'notify for an order we did not send; acknowledged so the provider stops');
      send(response, 200, ack);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ providerId, reason: error.message }, 'notify refused');
      send(response, error.kind === 'not-found' ? 404 : 400, error.message);
    }
  }
}

function send(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(text);
}
