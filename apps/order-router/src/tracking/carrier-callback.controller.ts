import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@supply-hub/http';
import { ApplyCarrierPush, type CarrierPushRefusalReason } from '@supply-hub/orders-application';
import { CARRIER_PUSH_ACK, type CarrierPushAnswer, carrierPushRefusal } from '@supply-hub/supplier-protocols';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCallbackForm } from './carrier-callback-form';
import { TrackingMetrics } from './tracking-metrics.service';
import { CARRIER_CALLBACK_ROUTE } from './tracking-settings';

/** The HTTP status of each refusal (the carrier reads only the JSON; the status is for our logs and metrics). */
const REFUSAL_STATUS: Record<CarrierPushRefusalReason | 'too-large', number> = {
  'missing-param': 400,
  'bad-param': 400,
  'other-parcel': 400,
  'missing-sign': 401,
  'bad-sign': 401,
  'unknown-shipment': 404,
  'too-large': 413,
};

/**
 * Where the carrier pushes a parcel's tracking (快递100 style): a form with `param` (JSON) and `sign`,
 * answered with the protocol's JSON: the acknowledgement once the push is stored (a duplicate or an older
 * push too: it has nothing new), a refusal otherwise (the carrier retries). Outside supply-hub's auth: the
 * signature, with the salt only this parcel's subscription was given, is the credential.
 */
@ApiTags('carrier')
@ApiConsumes('application/x-www-form-urlencoded')
@Public()
@Controller(CARRIER_CALLBACK_ROUTE)
export class CarrierCallbackController {
  constructor(
    private readonly pushes: ApplyCarrierPush,
    private readonly metrics: TrackingMetrics,
  ) {}

  @Post(':shipmentId')
  @ApiOperation({ summary: 'A tracking push for the parcel: form param={status, message, lastResult}&sign → {result, returnCode, message}' })
  async receive(@Param('shipmentId') shipmentId: string, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    const form = await readCallbackForm(request);
    if (!form) return this.refuse(response, 'too-large', 'the push is too large');
    const receipt = await this.pushes.execute({ shipmentId, form });
    if (!receipt.accepted) return this.refuse(response, receipt.reason, receipt.detail ? `${receipt.reason}: ${receipt.detail}` : receipt.reason);
    this.metrics.pushes.inc({ outcome: receipt.changed ? 'changed' : 'unchanged' });
    send(response, 200, CARRIER_PUSH_ACK);
  }

  private refuse(response: ServerResponse, reason: CarrierPushRefusalReason | 'too-large', message: string): void {
    this.metrics.pushes.inc({ outcome: reason });
    send(response, REFUSAL_STATUS[reason], carrierPushRefusal(message));
  }
}

function send(response: ServerResponse, status: number, answer: CarrierPushAnswer): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(answer));
}
