import type { RoutedShipment } from '@supply-hub/orders-domain';
import type { Clock } from '../shared/clock';
import type { SlaOrder, SlaOrdersSource } from './sla-orders-source';

/** One warehouse's parcels whose 48-hour promise fell in the report's window. */
export interface WarehouseDispatchSla {
  warehouseId: string;
  /** Parcels due in the window that this warehouse kept (or lost only after the breach). */
  due: number;
  dispatchedInTime: number;
  dispatchedLate: number;
  /** Not dispatched, and the promise is past. */
  openPastDeadline: number;
  /** Given back to routing after the breach (SLA_BREACH_POLICY=reroute): a miss of this warehouse. */
  reroutedAfterBreach: number;
  /** Not dispatched, promise still ahead. */
  openInTime: number;
  /** Rejected, or not accepted in time, before the promise: counted at the warehouse that took them over. */
  handedBack: number;
  /** dispatchedInTime over the parcels whose outcome is known (in time, late, past deadline, rerouted after breach); null when none is. */
  rate: number | null;
}

export interface DispatchSlaReport {
  from: Date;
  to: Date;
  /** The time "past deadline" was judged at. */
  at: Date;
  warehouses: WarehouseDispatchSla[];
  total: Omit<WarehouseDispatchSla, 'warehouseId'>;
}

type Counts = Omit<WarehouseDispatchSla, 'warehouseId' | 'rate'>;

const emptyCounts = (): Counts => ({
  due: 0,
  dispatchedInTime: 0,
  dispatchedLate: 0,
  openPastDeadline: 0,
  reroutedAfterBreach: 0,
  openInTime: 0,
  handedBack: 0,
});

/**
 * Per warehouse, what became of the parcels whose promise (dispatchBy) is in [from, to), judged at `at`.
 * Every configured warehouse has a row, with zeros when it had nothing due; cancelled parcels are left out.
 */
export function dispatchSlaReport(orders: readonly SlaOrder[], window: { from: Date; to: Date }, at: Date, warehouseIds: readonly string[]): DispatchSlaReport {
  const counts = new Map<string, Counts>(warehouseIds.map((id) => [id, emptyCounts()]));
  for (const shipment of warehouseParcels(orders)) {
    const promise = shipment.dispatchBy.getTime();
    if (promise < window.from.getTime() || promise >= window.to.getTime() || shipment.status === 'cancelled') continue;
    const row = counts.get(shipment.warehouseId!) ?? emptyCounts();
    counts.set(shipment.warehouseId!, row);
    const outcome = outcomeOf(shipment, at);
    if (outcome !== 'handedBack') row.due++;
    row[outcome]++;
  }
  const warehouses = [...counts.entries()].map(([warehouseId, row]) => ({ warehouseId, ...row, rate: rateOf(row) }));
  const total = emptyCounts();
  for (const row of warehouses) for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += row[key];
  return { from: window.from, to: window.to, at, warehouses, total: { ...total, rate: rateOf(total) } };
}

/**
 * Per warehouse, the share of the parcels dispatched since `since` that left by their promise
 * (dispatchedAt ≤ dispatchBy): the dispatch-within-48h rate gauge.
 */
export function dispatchWithin48hRates(orders: readonly SlaOrder[], since: Date): Map<string, number> {
  const tally = new Map<string, { inTime: number; dispatched: number }>();
  for (const shipment of warehouseParcels(orders)) {
    if (!shipment.dispatchedAt || shipment.dispatchedAt < since) continue;
    const row = tally.get(shipment.warehouseId!) ?? { inTime: 0, dispatched: 0 };
    tally.set(shipment.warehouseId!, row);
    row.dispatched++;
    if (shipment.dispatchedAt <= shipment.dispatchBy) row.inTime++;
  }
  return new Map([...tally.entries()].map(([warehouseId, row]) => [warehouseId, row.inTime / row.dispatched]));
}

function* warehouseParcels(orders: readonly SlaOrder[]): Iterable<RoutedShipment> {
  for (const order of orders) for (const shipment of order.shipments) if (shipment.kind === 'warehouse' && shipment.warehouseId) yield shipment;
}

function outcomeOf(shipment: RoutedShipment, at: Date): keyof Omit<Counts, 'due'> {
  if (shipment.dispatchedAt) return shipment.dispatchedAt <= shipment.dispatchBy ? 'dispatchedInTime' : 'dispatchedLate';
  if (shipment.status === 'rejected') return shipment.slaFlag === 'breached' ? 'reroutedAfterBreach' : 'handedBack';
  return at > shipment.dispatchBy ? 'openPastDeadline' : 'openInTime';
}

function rateOf(row: Counts): number | null {
  const known = row.dispatchedInTime + row.dispatchedLate + row.openPastDeadline + row.reroutedAfterBreach;
  return known === 0 ? null : Math.round((row.dispatchedInTime / known) * 10_000) / 10_000;
}

/** The dispatch-SLA report over a window, on the clock's time. */
export class ReportDispatchSla {
  constructor(
    private readonly orders: SlaOrdersSource,
    private readonly clock: Clock,
    private readonly warehouseIds: () => readonly string[],
  ) {}

  async execute(from: Date, to: Date): Promise<DispatchSlaReport> {
    const at = this.clock.now();
    return dispatchSlaReport(await this.orders.withParcelsDue(from, to), { from, to }, at, this.warehouseIds());
  }
}
