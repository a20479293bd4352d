import { Inject, Injectable } from '@nestjs/common';
import type { IssuanceDocument } from '@supply-hub/codes-data-access';
import { IssuanceStore } from '@supply-hub/codes-data-access';
import { MetricsService, SERVICE_CONFIG } from '@supply-hub/platform';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';

/** Issuance and pool figures on the service's registry (GET /metrics). */
@Injectable()
export class CodesMetrics {
  /** Lines taken in, by fulfilment and the status they were left in after the first pass. */
  readonly intake: Counter<'fulfilment' | 'status'>;
  readonly intakeSeconds: Histogram<'fulfilment'>;
  /** Unissued codes per pool (set by the pool sweep). */
  readonly poolAvailable: Gauge<'sku'>;
  readonly poolLow: Gauge<'sku'>;

  constructor(@Inject(MetricsService) metrics: MetricsService, issuances: IssuanceStore, @Inject(SERVICE_CONFIG) config: VirtualCodesEnv) {
    const registers = [metrics.registry];
    this.intake = new Counter({ name: 'issuance_intake_total', help: 'Virtual lines taken in, by fulfilment and status after the first pass', labelNames: ['fulfilment', 'status'], registers });
    this.intakeSeconds = new Histogram({
      name: 'issuance_intake_seconds',
      help: 'Time from a virtual line event to its first pass done (pool lines: issued)',
      labelNames: ['fulfilment'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.poolAvailable = new Gauge({ name: 'code_pool_available', help: 'Unissued, unexpired codes per pool', labelNames: ['sku'], registers });
    this.poolLow = new Gauge({ name: 'code_pool_low', help: '1 while a pool is below its low-stock threshold', labelNames: ['sku'], registers });
    new Gauge({
      name: 'issuances_stuck',
      help: `Issuances still pending or processing ${config.ISSUANCE_STUCK_AFTER_MS / 60_000} min after they came in`,
      registers,
      async collect() {
        this.set(await issuances.countUnsettledSince(new Date(Date.now() - config.ISSUANCE_STUCK_AFTER_MS)));
      },
    });
  }

  observeIntake(issuance: IssuanceDocument, seconds: number): void {
    this.intake.inc({ fulfilment: issuance.fulfilment, status: issuance.status });
    this.intakeSeconds.observe({ fulfilment: issuance.fulfilment }, seconds);
  }
}
