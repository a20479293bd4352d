import { CARRIER_STATES, type CarrierState, carrierMainState } from '@supply-hub/supplier-protocols';

/** Where a shipment is, in supply-hub's words (the carriers' own states map onto these). */
export const TRACKING_STATUSES = ['pending', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'exception', 'returned'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/**
 * Statuses a shipment does not leave for an earlier one: once 'delivered' or 'returned', a later push
 * can only move it to the other of the two (signed for, then sent back; or returned, then delivered).
 */
export const TERMINAL_TRACKING_STATUSES: readonly TrackingStatus[] = ['delivered', 'returned'];

export function isTerminalTrackingStatus(status: TrackingStatus): boolean {
  return TERMINAL_TRACKING_STATUSES.includes(status);
}

/**
 * Each carrier state's status. 退回 (on its way back) and 退签 (back and signed for) are both
 * 'returned'; 疑难, 拒签 and a customs problem are 'exception'; 转投 and customs steps are 'in-transit'.
 */
export const CARRIER_STATE_TRACKING_STATUS: Readonly<Record<CarrierState, TrackingStatus>> = {
  [CARRIER_STATES.inTransit]: 'in-transit',
  [CARRIER_STATES.pickedUp]: 'picked-up',
  [CARRIER_STATES.problem]: 'exception',
  [CARRIER_STATES.signed]: 'delivered',
  [CARRIER_STATES.returnSigned]: 'returned',
  [CARRIER_STATES.outForDelivery]: 'out-for-delivery',
  [CARRIER_STATES.returning]: 'returned',
  [CARRIER_STATES.forwarded]: 'in-transit',
  [CARRIER_STATES.customs]: 'in-transit',
  [CARRIER_STATES.awaitingCustoms]: 'in-transit',
  [CARRIER_STATES.inCustoms]: 'in-transit',
  [CARRIER_STATES.clearedCustoms]: 'in-transit',
  [CARRIER_STATES.customsProblem]: 'exception',
  [CARRIER_STATES.refused]: 'exception',
};

/** The status of a carrier state code (sub-states included); undefined for a code that names no state. */
export function trackingStatusOfCarrierState(code: string | undefined): TrackingStatus | undefined {
  const state = code === undefined ? undefined : carrierMainState(code);
  return state === undefined ? undefined : CARRIER_STATE_TRACKING_STATUS[state];
}
