import type { CarrierPushStatus, CarrierState } from '@supply-hub/supplier-protocols';
import type { TrackingStatus } from './tracking-status';

/** One checkpoint of a shipment's timeline, as the carrier reported it. */
export interface TrackingCheckpoint {
  /** ISO 8601 UTC (the protocol's Beijing wall-clock time converted). */
  time: string;
  /** The carrier's text: `【深圳市】已揽收`. */
  context: string;
  /** `广东,深圳市`, when the subscription asked for areas. */
  areaName?: string;
  areaCode?: string;
  /** The state's Chinese name as the carrier wrote it (在途, 派件 …). */
  statusName: string;
  /** That name as a state code, when it is one of the known names. */
  carrierState?: CarrierState;
}

/** How the carrier's subscription stands: following, finished (shutdown), or given up (abort: subscribe again). */
export type TrackingSubscriptionState = 'active' | 'shutdown' | 'aborted';

/**
 * A shipment's tracking: the deduplicated timeline and where the shipment is. Pushes carry the whole
 * history, so the timeline is bounded by the carrier's own history of the parcel.
 */
export interface ShipmentTracking {
  /** Carrier code (`shunfeng`). */
  carrier: string;
  trackingNumber: string;
  status: TrackingStatus;
  /** The carrier's state code behind `status` (`lastResult.state` of the push that set it). */
  carrierState?: string;
  /** The carrier said the shipment is finished (`ischeck` 1). */
  final: boolean;
  subscription: TrackingSubscriptionState;
  /** The carrier's message with the last abort or shutdown (`3天查询无记录`). */
  subscriptionMessage?: string;
  /** Oldest first; one entry per (time, context). */
  timeline: TrackingCheckpoint[];
}

/** A push as the domain reads it (see parseCarrierPush). */
export interface ParsedPush {
  pushStatus: CarrierPushStatus;
  message: string;
  carrier: string;
  trackingNumber: string;
  /** `lastResult.state`, as sent (a main state or a sub-state code). */
  carrierState: string;
  /** `ischeck` 1. */
  final: boolean;
  /** The push's history, oldest first. */
  checkpoints: TrackingCheckpoint[];
}

/** A shipment just subscribed for: nothing heard yet. */
export function emptyShipmentTracking(carrier: string, trackingNumber: string): ShipmentTracking {
  return { carrier, trackingNumber, status: 'pending', final: false, subscription: 'active', timeline: [] };
}

/** After an abort, the subscription has to be made again before more pushes come. */
export function needsResubscription(tracking: ShipmentTracking): boolean {
  return tracking.subscription === 'aborted';
}

/** The carrier accepted a new subscription after an abort. */
export function markResubscribed(tracking: ShipmentTracking): ShipmentTracking {
  if (tracking.subscription !== 'aborted') return tracking;
  const { subscriptionMessage: _dropped, ...rest } = tracking;
  return { ...rest, subscription: 'active' };
}
