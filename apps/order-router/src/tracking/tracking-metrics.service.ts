import { Inject, Injectable } from '@nestjs/common';
import type { CarrierPushRefusalReason } from '@supply-hub/orders-application';
import { MetricsService } from '@supply-hub/platform';
import type { CarrierSubscribeOutcome } from '@supply-hub/supplier-protocols';
import { Counter } from 'prom-client';

export type CarrierPushOutcome = 'changed' | 'unchanged' | CarrierPushRefusalReason | 'too-large';

/** Carrier tracking on the service's registry (GET /metrics). */
@Injectable()
export class TrackingMetrics {
  /** Pushes received: changed (news), unchanged (a duplicate or an older push), or the refusal's reason. */
  readonly pushes: Counter<'outcome'>;
  /** Subscribe calls by the carrier's answer (retry-later also when it could not be reached). */
  readonly subscriptions: Counter<'outcome'>;

  constructor(@Inject(MetricsService) metrics: MetricsService) {
    const registers = [metrics.registry];
    this.pushes = new Counter({ name: 'carrier_pushes_total', help: 'Carrier tracking pushes received, by outcome', labelNames: ['outcome'], registers });
    this.subscriptions = new Counter({
      name: 'carrier_subscriptions_total',
      help: 'Carrier tracking subscribe calls, by outcome',
      labelNames: ['outcome'],
      registers,
    });
    // The everyday outcomes from the start, so rates exist before the first of each.
    for (const outcome of ['changed', 'unchanged', 'bad-sign'] satisfies CarrierPushOutcome[]) this.pushes.inc({ outcome }, 0);
    for (const outcome of ['accepted', 'retry-later', 'refused'] satisfies CarrierSubscribeOutcome[]) this.subscriptions.inc({ outcome }, 0);
  }
}
