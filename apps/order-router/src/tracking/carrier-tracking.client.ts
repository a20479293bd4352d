import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HttpClient, UpstreamRejectedError } from '@supply-hub/http-client';
import type { CarrierSubscriptionAnswer, CarrierSubscriptionRequest, CarrierTrackingGateway } from '@supply-hub/orders-application';
import { CARRIER_RESULT_V2, carrierSubscribeAnswerSchema, carrierSubscribeForm, carrierSubscribeOutcome } from '@supply-hub/supplier-protocols';
import { TrackingMetrics } from './tracking-metrics.service';
import type { TrackingSettings } from './tracking-settings';
import { TRACKING_SETTINGS } from './tracking.tokens';

/**
 * The carrier's subscribe call through the shared HttpClient (its timeout and breaker). One attempt per
 * call: the sweep is the retry, minutes apart, and a dispatch event must not hold its partition while a
 * carrier is slow. Never throws: a carrier that cannot be reached is 'retry-later'.
 */
@Injectable()
export class CarrierTrackingClient implements CarrierTrackingGateway, OnModuleDestroy {
  private readonly http = new HttpClient({ name: 'carrier', baseUrl: '', settings: { timeoutMs: 5_000, retry: { maxAttempts: 1 } } });

  constructor(
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
    @Inject(TrackingMetrics) private readonly metrics: TrackingMetrics,
  ) {}

  async subscribe(request: CarrierSubscriptionRequest): Promise<CarrierSubscriptionAnswer> {
    const answer = await this.call(request);
    this.metrics.subscriptions.inc({ outcome: answer.outcome });
    return answer;
  }

  onModuleDestroy(): void {
    this.http.close();
  }

  private async call(request: CarrierSubscriptionRequest): Promise<CarrierSubscriptionAnswer> {
    const form = carrierSubscribeForm({
      company: request.company,
      number: request.number,
      key: this.settings.key,
      // Areas with each checkpoint (广东,深圳市): the mall shows where the parcel is.
      parameters: { callbackurl: request.callbackUrl, salt: request.salt, resultv2: CARRIER_RESULT_V2.withArea },
    });
    try {
      const response = await this.http.request({ endpoint: 'carrier:poll/subscribe', method: 'POST', path: this.settings.subscribeUrl, form });
      const answer = carrierSubscribeAnswerSchema.safeParse(response.data);
      if (!answer.success) return { outcome: 'retry-later', message: 'the carrier answered something that is not a subscribe answer' };
      return { outcome: carrierSubscribeOutcome(answer.data), message: `${answer.data.returnCode} ${answer.data.message}` };
    } catch (error) {
      // A 4xx is the URL or the account being wrong, which waiting does not fix.
      if (error instanceof UpstreamRejectedError) return { outcome: 'refused', message: error.message };
      return { outcome: 'retry-later', message: error instanceof Error ? error.message : String(error) };
    }
  }
}
