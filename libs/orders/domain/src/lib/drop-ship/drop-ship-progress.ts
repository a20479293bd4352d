import { CARRIER_STATE_NAMES, CARRIER_STATES, type CarrierState } from '@supply-hub/supplier-protocols';
import type { Order, OrderLine, RoutedShipment } from '../order/order';
import type { ShipmentTracking, TrackingCheckpoint } from '../tracking/shipment-tracking';
import { trackingStatusOfCarrierState } from '../tracking/tracking-status';
import type { SupplierTrackEntry, SupplierTrackMilestone } from './drop-ship-supplier';

/** The carrier vocabulary of a supplier's milestones, so a drop-ship parcel's tracking reads like a carrier's. */
const MILESTONE_STATE: Readonly<Record<SupplierTrackMilestone, CarrierState>> = {
  dispatched: CARRIER_STATES.inTransit,
  'out-for-delivery': CARRIER_STATES.outForDelivery,
  delivered: CARRIER_STATES.signed,
  rejected: CARRIER_STATES.refused,
};

/** Before the parcel leaves the supplier's warehouse there is no carrier state: the order is being handled. */
const ORDER_HANDLING = '处理中';

/**
 * A drop-ship parcel's tracking from its supplier's order track (JD orderTrack): every entry a
 * checkpoint, oldest first; an entry without a milestone after the parcel left is 在途. The status follows
 * the newest milestone; delivered or rejected is final, and the track is then complete (`shutdown`).
 * The parcel is followed through the supplier, never subscribed at a carrier.
 */
export function supplierTracking(carrier: string, trackingNumber: string, entries: readonly SupplierTrackEntry[]): ShipmentTracking {
  let state: CarrierState | undefined;
  const timeline: TrackingCheckpoint[] = [...entries]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((entry) => {
      if (entry.milestone) state = MILESTONE_STATE[entry.milestone];
      return {
        time: entry.at.toISOString(),
        context: entry.content,
        statusName: state === undefined ? ORDER_HANDLING : CARRIER_STATE_NAMES[state],
        ...(state === undefined ? {} : { carrierState: state }),
      };
    });
  const final = state === CARRIER_STATES.signed || state === CARRIER_STATES.refused;
  return {
    carrier,
    trackingNumber,
    status: trackingStatusOfCarrierState(state) ?? 'pending',
    ...(state === undefined ? {} : { carrierState: state }),
    final,
    subscription: final ? 'shutdown' : 'active',
    timeline,
  };
}

/** Whether the track says the parcel has left the supplier's warehouse (or got further). */
export function hasLeftSupplier(entries: readonly SupplierTrackEntry[]): boolean {
  return entries.some((entry) => entry.milestone !== undefined);
}

/**
 * The order's lines once a drop-ship parcel is given back by its supplier (`shipments` already holds
 * the parcel as rejected): a line no other live parcel carries goes backordered or refused, as the
 * mall asked for lines nobody can ship, with the reason; a line another parcel still carries only stops
 * naming this one.
 */
export function linesAfterSupplierRejection(
  lines: readonly OrderLine[],
  shipments: readonly RoutedShipment[],
  rejected: RoutedShipment,
  policy: Order['unavailablePolicy'],
  reason: string,
): OrderLine[] {
  return lines.map((line) => {
    if (!rejected.lines.some((shipped) => shipped.lineId === line.lineId) || line.status === 'cancelled') return line;
    const others = shipments.filter(
      (shipment) =>
        shipment.shipmentId !== rejected.shipmentId &&
        shipment.status !== 'rejected' &&
        shipment.status !== 'cancelled' &&
        shipment.lines.some((shipped) => shipped.lineId === line.lineId),
    );
    if (others.length > 0) return { ...line, shipmentId: others.map((shipment) => shipment.shipmentId).join(',') };
    const { shipmentId: _shipmentId, ...rest } = line;
    return { ...rest, status: policy === 'refuse' ? 'refused' : 'backordered', reason };
  });
}
