import { emptyShipmentTracking, type RoutedShipment } from '@supply-hub/orders-domain';
import { trackingCarrierCodeOf } from './carrier-codes';
import { needsTrackingSubscription, shipmentStatusAfterTracking } from './shipment-tracking-status';
import { dispatchedShipment } from './testing/tracked-orders.fake';
import { trackingSaltOf } from './tracking-salt';

describe('shipmentStatusAfterTracking', () => {
  it('maps each tracking status onto the shipment’s', () => {
    expect(shipmentStatusAfterTracking('dispatched', 'pending')).toBe('dispatched');
    expect(shipmentStatusAfterTracking('dispatched', 'picked-up')).toBe('in-transit');
    expect(shipmentStatusAfterTracking('dispatched', 'in-transit')).toBe('in-transit');
    expect(shipmentStatusAfterTracking('in-transit', 'out-for-delivery')).toBe('out-for-delivery');
    expect(shipmentStatusAfterTracking('out-for-delivery', 'delivered')).toBe('delivered');
    expect(shipmentStatusAfterTracking('in-transit', 'exception')).toBe('exception');
    expect(shipmentStatusAfterTracking('delivered', 'returned')).toBe('exception');
  });

  it('leaves a parcel that is not (or no longer) on its way alone', () => {
    expect(shipmentStatusAfterTracking('accepted', 'in-transit')).toBe('accepted');
    expect(shipmentStatusAfterTracking('cancelled', 'delivered')).toBe('cancelled');
    expect(shipmentStatusAfterTracking('rejected', 'delivered')).toBe('rejected');
  });
});

describe('needsTrackingSubscription', () => {
  const tracking = emptyShipmentTracking('shunfeng', 'SF1234567890');
  const needs = (overrides: Partial<RoutedShipment>) => needsTrackingSubscription(dispatchedShipment(overrides));

  it('asks for a subscription of a dispatched parcel not yet subscribed, or given up by the carrier', () => {
    expect(needs({})).toBe(true);
    expect(needs({ trackingSubscribed: true, tracking })).toBe(false);
    expect(needs({ status: 'in-transit', trackingSubscribed: true, tracking: { ...tracking, subscription: 'aborted' } })).toBe(true);
    expect(needs({ status: 'exception', trackingSubscribed: false })).toBe(true);
  });

  it('never for a parcel not dispatched, delivered, finished or gone', () => {
    expect(needs({ status: 'accepted', carrier: undefined, trackingNumber: undefined })).toBe(false);
    expect(needs({ status: 'delivered' })).toBe(false);
    expect(needs({ status: 'cancelled' })).toBe(false);
    expect(needs({ tracking: { ...tracking, subscription: 'shutdown' } })).toBe(false);
    expect(needs({ tracking: { ...tracking, final: true, subscription: 'aborted' } })).toBe(false);
  });
});

describe('trackingCarrierCodeOf', () => {
  it('maps warehouses’ short codes and keeps the tracking service’s own', () => {
    expect(trackingCarrierCodeOf('sf')).toBe('shunfeng');
    expect(trackingCarrierCodeOf('SF')).toBe('shunfeng');
    expect(trackingCarrierCodeOf('zto')).toBe('zhongtong');
    expect(trackingCarrierCodeOf('shunfeng')).toBe('shunfeng');
    expect(trackingCarrierCodeOf('jd')).toBe('jd');
  });
});

describe('trackingSaltOf', () => {
  it('is fixed per secret and shipment, and as long as the protocol allows', () => {
    const salt = trackingSaltOf('secret-a', 'shp_0123456789abcdef0123-1');
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(trackingSaltOf('secret-a', 'shp_0123456789abcdef0123-1')).toBe(salt);
    expect(trackingSaltOf('secret-a', 'shp_0123456789abcdef0123-2')).not.toBe(salt);
    expect(trackingSaltOf('secret-b', 'shp_0123456789abcdef0123-1')).not.toBe(salt);
  });
});
