import { CARRIER_STATES } from '@supply-hub/supplier-protocols';
import { isTerminalTrackingStatus, trackingStatusOfCarrierState } from './tracking-status';

describe('tracking status of a carrier state', () => {
  it.each([
    [CARRIER_STATES.inTransit, 'in-transit'],
    [CARRIER_STATES.pickedUp, 'picked-up'],
    [CARRIER_STATES.problem, 'exception'],
    [CARRIER_STATES.signed, 'delivered'],
    [CARRIER_STATES.returnSigned, 'returned'],
    [CARRIER_STATES.outForDelivery, 'out-for-delivery'],
    [CARRIER_STATES.returning, 'returned'],
    [CARRIER_STATES.forwarded, 'in-transit'],
    [CARRIER_STATES.refused, 'exception'],
    [CARRIER_STATES.customsProblem, 'exception'],
    ['301', 'delivered'],
    ['1002', 'in-transit'],
  ])('maps %s to %s', (state, status) => {
    expect(trackingStatusOfCarrierState(state)).toBe(status);
  });

  it('has no status for a code that names no state', () => {
    expect(trackingStatusOfCarrierState('9')).toBeUndefined();
    expect(trackingStatusOfCarrierState(undefined)).toBeUndefined();
  });

  it('treats delivered and returned as terminal', () => {
    expect(isTerminalTrackingStatus('delivered')).toBe(true);
    expect(isTerminalTrackingStatus('returned')).toBe(true);
    expect(isTerminalTrackingStatus('exception')).toBe(false);
  });
});
