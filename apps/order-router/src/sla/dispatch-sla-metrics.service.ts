import { Inject, Injectable } from '@nestjs/common';
import { type Clock, type DeadlineSweepReport, dispatchWithin48hRates } from '@supply-hub/orders-application';
import { OrderStore } from '@supply-hub/orders-data-access';
import type { Warehouse } from '@supply-hub/orders-domain';
import { MetricsService } from '@supply-hub/platform';
import { Counter, Gauge } from 'prom-client';
import { ORDER_CLOCK, WAREHOUSES } from '../orders/orders.tokens';

/** The dispatch-within-48h gauge looks at the parcels dispatched over this trailing window. */
export const DISPATCH_RATE_WINDOW_MS = 7 * 86_400_000;

/** The 48-hour promise on the service's registry (GET /metrics). */
@Injectable()
export class DispatchSlaMetrics {
  readonly atRisk: Counter<'warehouse'>;
  readonly breached: Counter<'warehouse'>;
  readonly rerouted: Counter<'warehouse' | 'reason'>;

  constructor(
    @Inject(MetricsService) metrics: MetricsService,
    @Inject(OrderStore) queries: OrderStore,
    @Inject(ORDER_CLOCK) clock: Clock,
    @Inject(WAREHOUSES) warehouses: readonly Warehouse[],
  ) {
    const registers = [metrics.registry];
    this.atRisk = new Counter({
      name: 'shipment_sla_at_risk_total',
      help: 'Warehouse parcels flagged at risk: not dispatched 36 h after the order',
      labelNames: ['warehouse'],
      registers,
    });
    this.breached = new Counter({
      name: 'shipment_sla_breached_total',
      help: 'Warehouse parcels that missed the 48-hour dispatch promise',
      labelNames: ['warehouse'],
      registers,
    });
    this.rerouted = new Counter({
      name: 'shipment_deadline_reroutes_total',
      help: 'Parcels moved to the next best warehouse by the deadline sweep, by the warehouse they left and why (not-accepted, sla-breached)',
      labelNames: ['warehouse', 'reason'],
      registers,
    });
    new Gauge({
      name: 'shipment_dispatch_within_48h_ratio',
      help: 'Per warehouse, the share of parcels dispatched in the last 7 days that left by their 48-hour promise (read at scrape time)',
      labelNames: ['warehouse'],
      registers,
      async collect() {
        const since = new Date(clock.now().getTime() - DISPATCH_RATE_WINDOW_MS);
        // A scrape while the database is away keeps the last values rather than failing /metrics as a whole.
        const orders = await queries.withParcelsDispatchedSince(since).catch(() => undefined);
        if (!orders) return;
        this.reset();
        for (const [warehouse, rate] of dispatchWithin48hRates(orders, since)) this.set({ warehouse }, rate);
      },
    });
    // Every configured warehouse from the start, so rates exist before its first flag.
    for (const { id } of warehouses) {
      this.atRisk.inc({ warehouse: id }, 0);
      this.breached.inc({ warehouse: id }, 0);
    }
  }

  record(report: DeadlineSweepReport): void {
    for (const flagged of report.flagged) (flagged.level === 'at-risk' ? this.atRisk : this.breached).inc({ warehouse: flagged.warehouseId });
    for (const moved of report.rerouted) this.rerouted.inc({ warehouse: moved.warehouseId, reason: moved.by });
  }
}
