import { needsResubscription, type RoutedShipment, type ShipmentStatus, type TrackingStatus } from '@supply-hub/orders-domain';

/** The shipment statuses tracking moves a parcel between (from 'dispatched' on). */
export const TRACKED_SHIPMENT_STATUSES: readonly ShipmentStatus[] = ['dispatched', 'in-transit', 'out-for-delivery', 'delivered', 'exception'];

/**
 * The shipment status a tracking status stands for. Picked up is already on its way; a parcel on its
 * way back (退回, 退签) is an exception for the mall, as is a problem (疑难, 拒签). 'pending' (nothing
 * heard yet) says nothing: the parcel stays as it is.
 */
const SHIPMENT_STATUS_OF_TRACKING: Readonly<Record<TrackingStatus, ShipmentStatus | undefined>> = {
  pending: undefined,
  'picked-up': 'in-transit',
  'in-transit': 'in-transit',
  'out-for-delivery': 'out-for-delivery',
  delivered: 'delivered',
  exception: 'exception',
  returned: 'exception',
};

/** Where a parcel in `current` goes with its tracking at `tracking`; a parcel not yet dispatched (or gone) stays put. */
export function shipmentStatusAfterTracking(current: ShipmentStatus, tracking: TrackingStatus): ShipmentStatus {
  if (!TRACKED_SHIPMENT_STATUSES.includes(current)) return current;
  return SHIPMENT_STATUS_OF_TRACKING[tracking] ?? current;
}

/**
 * Whether a parcel has to be subscribed at the carrier (again): dispatched with a tracking number, not
 * finished, and either never subscribed or given up by the carrier (abort).
 */
export function needsTrackingSubscription(shipment: RoutedShipment): boolean {
  if (!shipment.carrier || !shipment.trackingNumber) return false;
  if (!TRACKED_SHIPMENT_STATUSES.includes(shipment.status) || shipment.status === 'delivered') return false;
  const tracking = shipment.tracking;
  if (tracking?.final || tracking?.subscription === 'shutdown') return false;
  return shipment.trackingSubscribed !== true || (tracking !== undefined && needsResubscription(tracking));
}
