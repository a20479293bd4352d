import { Inject, Injectable } from '@nestjs/common';
import { CaseStore } from '@supply-hub/aftersales-data-access';
import { MetricsService } from '@supply-hub/platform';
import { Counter, Gauge } from 'prom-client';

/** Case figures on the service's registry (GET /metrics). */
@Injectable()
export class CasesMetrics {
  /** Cases escalated for want of a first response within the window. */
  readonly escalations: Counter;

  constructor(@Inject(MetricsService) metrics: MetricsService, cases: CaseStore) {
    const registers = [metrics.registry];
    this.escalations = new Counter({ name: 'aftersales_cases_escalated_total', help: 'Cases escalated: no first response within the window', registers });
    new Gauge({
      name: 'aftersales_cases_awaiting_response',
      help: 'Cases still waiting for their first response (escalated or not)',
      registers,
      async collect() {
        this.set(await cases.responsesDue.countDocuments());
      },
    });
  }
}
