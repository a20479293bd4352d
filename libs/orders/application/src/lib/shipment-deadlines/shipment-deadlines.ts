import type { Rerouting, RoutedShipment } from '@supply-hub/orders-domain';

/** A parcel not dispatched 12 h before its promise (36 h after the order) is at risk. */
export const AT_RISK_BEFORE_MS = 12 * 3_600_000;

export type SlaBreachPolicy = 'reroute' | 'escalate';

export interface ShipmentDeadlinePolicy {
  /** A parcel still `requested` this long after it was requested goes to the next best warehouse. */
  acceptTimeoutMs: number;
  /** What a breach of the 48-hour promise does besides being recorded. */
  breachPolicy: SlaBreachPolicy;
}

/** What is due for one parcel at a given time. Every field is optional: a parcel may be due for several. */
export interface ShipmentDeadlineDue {
  shipmentId: string;
  warehouseId: string;
  /** The flag to record now (with its event and timeline entry); never one the parcel already has. */
  flag?: 'at-risk' | 'breached';
  /** The breach is recorded without moving the parcel: operations have to act. */
  escalate?: boolean;
  /** Move the parcel to the next best warehouse, and why. */
  reroute?: Extract<Rerouting['by'], 'not-accepted' | 'sla-breached'>;
}

/** The parts of an order the deadlines depend on. */
export interface OrderDeadlines {
  shipments: readonly RoutedShipment[];
}

const OPEN: ReadonlySet<RoutedShipment['status']> = new Set(['requested', 'accepted']);

/**
 * Which of an order's warehouse parcels are due for what at `now`: the acceptance timeout (still
 * `requested` after `acceptTimeoutMs`), the at-risk flag (not dispatched at dispatchBy − 12 h), the breach
 * (not dispatched after dispatchBy). Flags are decided from what the parcel records, so deciding again
 * after they were written finds nothing: the sweep is idempotent. A parcel found only after its promise
 * (the sweep did not run in between) is flagged breached without the at-risk step, which no longer helps.
 *
 * A breach moves a parcel once. Its successor inherits the order's promise, already past, and would be
 * breached on arrival: moving it again would only bounce the lines around the warehouses, so it is
 * flagged and escalated instead.
 */
export function shipmentDeadlinesDue(order: OrderDeadlines, now: Date, policy: ShipmentDeadlinePolicy): ShipmentDeadlineDue[] {
  const at = now.getTime();
  const due: ShipmentDeadlineDue[] = [];
  for (const shipment of order.shipments) {
    if (shipment.kind !== 'warehouse' || !shipment.warehouseId || !OPEN.has(shipment.status)) continue;
    const deadline = shipment.dispatchBy.getTime();
    const breached = at > deadline;
    let flag: ShipmentDeadlineDue['flag'];
    if (breached && shipment.slaFlag !== 'breached') flag = 'breached';
    else if (!breached && !shipment.slaFlag && at >= deadline - AT_RISK_BEFORE_MS) flag = 'at-risk';

    const movedOnBreach = breached && policy.breachPolicy === 'reroute' && !succeedsBreachedParcel(order.shipments, shipment);
    let reroute: ShipmentDeadlineDue['reroute'];
    if (movedOnBreach) reroute = 'sla-breached';
    else if (shipment.status === 'requested' && at - shipment.requestedAt.getTime() >= policy.acceptTimeoutMs) reroute = 'not-accepted';

    if (!flag && !reroute) continue;
    due.push({
      shipmentId: shipment.shipmentId,
      warehouseId: shipment.warehouseId,
      ...(flag ? { flag } : {}),
      ...(flag === 'breached' && !movedOnBreach ? { escalate: true } : {}),
      ...(reroute ? { reroute } : {}),
    });
  }
  return due;
}

/** The parcel carries a line that an earlier parcel, given back after its breach, carried. */
function succeedsBreachedParcel(shipments: readonly RoutedShipment[], shipment: RoutedShipment): boolean {
  const lineIds = new Set(shipment.lines.map((line) => line.lineId));
  return shipments.some(
    (earlier) =>
      earlier.shipmentId !== shipment.shipmentId &&
      earlier.status === 'rejected' &&
      earlier.slaFlag === 'breached' &&
      earlier.lines.some((line) => lineIds.has(line.lineId)),
  );
}
