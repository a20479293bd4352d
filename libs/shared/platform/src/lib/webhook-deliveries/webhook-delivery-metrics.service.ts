import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';
import { WebhookQueueRepository } from './webhook-queue.repository';

export type DeliveryOutcome = 'delivered' | 'failed';

/** Webhook delivery on the service's registry (GET /metrics). */
@Injectable()
export class WebhookDeliveryMetrics {
  /** Deliveries that reached an end: delivered, or failed for good (attempts used up, endpoint disabled or gone). */
  readonly deliveries: Counter<'outcome'>;
  /** Attempts by result: success (2xx), failure (anything else, timeouts and refused connections included). */
  readonly attempts: Counter<'outcome'>;
  readonly attemptDuration: Histogram;
  readonly endpointsDisabled: Counter;

  constructor(@Inject(MetricsService) metrics: MetricsService, @Inject(WebhookQueueRepository) queue: WebhookQueueRepository) {
    const registers = [metrics.registry];
    this.deliveries = new Counter({ name: 'webhook_deliveries_total', help: 'Webhook deliveries finished, by outcome', labelNames: ['outcome'], registers });
    this.attempts = new Counter({ name: 'webhook_delivery_attempts_total', help: 'Webhook delivery attempts, by outcome', labelNames: ['outcome'], registers });
    this.attemptDuration = new Histogram({
      name: 'webhook_delivery_attempt_duration_seconds',
      help: 'Time from sending a webhook to its answer (or the failure)',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.endpointsDisabled = new Counter({ name: 'webhook_endpoints_disabled_total', help: 'Endpoints disabled after repeated failed deliveries', registers });
    new Gauge({
      name: 'webhook_queue_depth',
      help: 'Deliveries waiting for an attempt (all instances; read at scrape time)',
      registers,
      async collect() {
        // A scrape while the database is away keeps the last value rather than failing /metrics as a whole.
        const depth = await queue.depth().catch(() => undefined);
        if (depth !== undefined) this.set(depth);
      },
    });
    // Both outcomes from the start, so rates exist before the first failure.
    for (const outcome of ['delivered', 'failed']) this.deliveries.inc({ outcome }, 0);
    for (const outcome of ['success', 'failure']) this.attempts.inc({ outcome }, 0);
  }
}
