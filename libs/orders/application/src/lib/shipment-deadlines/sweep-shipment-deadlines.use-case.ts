import { type SerializedEvent, ShipmentSlaFlagged } from '@supply-hub/contracts';
import { ConflictError, NotFoundError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import type { RoutedShipment, TimelineEntry } from '@supply-hub/orders-domain';
import type { RerouteShipment } from '../reroute-shipment/reroute-shipment.use-case';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';
import { type ShipmentDeadlineDue, type ShipmentDeadlinePolicy, shipmentDeadlinesDue } from './shipment-deadlines';

const WRITE_ATTEMPTS = 5;

export interface SweptShipment {
  shipmentId: string;
  orderId: string;
  warehouseId: string;
}

/** What one sweep did; the service turns it into metrics and logs. */
export interface DeadlineSweepReport {
  orders: number;
  flagged: (SweptShipment & { level: 'at-risk' | 'breached' })[];
  escalated: SweptShipment[];
  rerouted: (SweptShipment & { by: 'not-accepted' | 'sla-breached' })[];
  /** Parcels a step failed for (left for the next sweep, which decides again). */
  failed: (SweptShipment & { error: string })[];
}

/** The open orders the sweep looks at, oldest first (OrderStore.openOrders). */
export interface OpenOrdersSource {
  openOrders(): AsyncIterable<OrderDocument>;
}

/**
 * The 48-hour dispatch promise and the acceptance timeout, enforced by a sweep at the clock's time: flags
 * at 36 h and at the breach (each once, with a ShipmentSlaFlagged event and a timeline entry, written in
 * one version-guarded update per order), then the reroutes (a parcel never accepted, or breached when the
 * policy says reroute). Running it again at the same time does nothing; two instances running it at once
 * write each flag once (the loser of the version check re-reads and finds it set) and reroute once
 * (RerouteShipment refuses a parcel that is no longer open).
 */
export class SweepShipmentDeadlines {
  constructor(
    private readonly orders: Pick<OrderStore, 'getAny' | 'update'>,
    private readonly source: OpenOrdersSource,
    private readonly reroute: Pick<RerouteShipment, 'execute'>,
    private readonly clock: Clock,
    private readonly policy: ShipmentDeadlinePolicy,
  ) {}

  async runOnce(): Promise<DeadlineSweepReport> {
    const now = this.clock.now();
    const report: DeadlineSweepReport = { orders: 0, flagged: [], escalated: [], rerouted: [], failed: [] };
    for await (const order of this.source.openOrders()) {
      report.orders++;
      if (shipmentDeadlinesDue(order, now, this.policy).length === 0) continue;
      await this.sweepOrder(order, now, report);
    }
    return report;
  }

  private async sweepOrder(order: OrderDocument, now: Date, report: DeadlineSweepReport): Promise<void> {
    const current = await this.flag(order, now, report);
    if (!current) return;
    let moved = false;
    for (const due of shipmentDeadlinesDue(current, now, this.policy)) {
      if (!due.reroute) continue;
      const swept = { shipmentId: due.shipmentId, orderId: current._id, warehouseId: due.warehouseId };
      try {
        await this.reroute.execute(due.shipmentId, current._id, rerouteReason(due, current, now), due.reroute);
        report.rerouted.push({ ...swept, by: due.reroute });
        moved = true;
      } catch (error) {
        // Dispatched, cancelled or rerouted meanwhile (by the warehouse or another instance): nothing is due.
        if (error instanceof ConflictError || error instanceof NotFoundError) continue;
        report.failed.push({ ...swept, error: error instanceof Error ? error.message : String(error) });
      }
    }
    // The new parcels share the order's promise, which may already be near or past: flag them in this
    // sweep, so that a second one at the same time finds nothing to do.
    const after = moved ? await this.orders.getAny(current._id) : null;
    if (after) await this.flag(after, now, report);
  }

  /** Writes the flags due, retrying on a concurrent change; the order as it now is (undefined if gone). */
  private async flag(order: OrderDocument, now: Date, report: DeadlineSweepReport): Promise<OrderDocument | undefined> {
    let current: OrderDocument | null = order;
    for (let attempt = 1; current && attempt <= WRITE_ATTEMPTS; attempt++) {
      const flags = shipmentDeadlinesDue(current, now, this.policy).filter((due) => due.flag);
      if (flags.length === 0) return current;
      const written = await this.writeFlags(current, flags, now);
      if (written) {
        for (const due of flags) {
          const swept = { shipmentId: due.shipmentId, orderId: current._id, warehouseId: due.warehouseId };
          report.flagged.push({ ...swept, level: due.flag! });
          if (due.escalate) report.escalated.push(swept);
        }
        return written;
      }
      current = await this.orders.getAny(current._id);
    }
    if (current) {
      for (const due of shipmentDeadlinesDue(current, now, this.policy).filter((candidate) => candidate.flag)) {
        report.failed.push({ shipmentId: due.shipmentId, orderId: current._id, warehouseId: due.warehouseId, error: 'the order kept changing' });
      }
    }
    return undefined;
  }

  private async writeFlags(order: OrderDocument, flags: readonly ShipmentDeadlineDue[], now: Date): Promise<OrderDocument | undefined> {
    const byShipment = new Map(flags.map((due) => [due.shipmentId, due]));
    const shipments = order.shipments.map((shipment) => {
      const due = byShipment.get(shipment.shipmentId);
      return due?.flag ? { ...shipment, slaFlag: due.flag } : shipment;
    });
    const flagged = shipments.filter((shipment) => byShipment.has(shipment.shipmentId));
    const timeline = flagged.map((shipment) => timelineEntry(shipment, byShipment.get(shipment.shipmentId)!, now));
    const events = flagged.map((shipment) => slaFlaggedEvent(order, shipment, now));
    if (!(await this.orders.update(order._id, order.version, { shipments }, timeline, events))) return undefined;
    return { ...order, shipments, version: order.version + 1, timeline: [...order.timeline, ...timeline] };
  }
}

function timelineEntry(shipment: RoutedShipment, due: ShipmentDeadlineDue, now: Date): TimelineEntry {
  const promise = shipment.dispatchBy.toISOString();
  if (due.flag === 'at-risk') {
    return {
      at: now,
      status: 'shipment-at-risk',
      note: `${shipment.shipmentId} at ${shipment.warehouseId} not dispatched 36 h after the order (promise ${promise})`,
    };
  }
  const then = due.escalate ? 'escalated to operations' : 'rerouting to the next best warehouse';
  return {
    at: now,
    status: 'shipment-sla-breached',
    note: `${shipment.shipmentId} at ${shipment.warehouseId} missed the 48-hour dispatch promise (${promise}); ${then}`,
  };
}

function slaFlaggedEvent(order: OrderDocument, shipment: RoutedShipment, now: Date): SerializedEvent {
  return tenantEvent(
    ShipmentSlaFlagged,
    {
      shipmentId: shipment.shipmentId,
      orderId: order._id,
      warehouseId: shipment.warehouseId!,
      level: shipment.slaFlag!,
      dispatchBy: shipment.dispatchBy.toISOString(),
      at: now.toISOString(),
    },
    order.tenantId,
    now,
  );
}

function rerouteReason(due: ShipmentDeadlineDue, order: OrderDocument, now: Date): string {
  if (due.reroute === 'sla-breached') return 'not dispatched within 48 hours of the order';
  const shipment = order.shipments.find((candidate) => candidate.shipmentId === due.shipmentId);
  const hours = shipment ? ((now.getTime() - shipment.requestedAt.getTime()) / 3_600_000).toFixed(1) : '?';
  return `not accepted within ${hours} h of the request`;
}
