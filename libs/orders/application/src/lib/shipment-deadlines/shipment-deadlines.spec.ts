import type { RoutedShipment } from '@supply-hub/orders-domain';
import { type ShipmentDeadlinePolicy, shipmentDeadlinesDue } from './shipment-deadlines';

const HOUR = 3_600_000;
const ordered = new Date('2026-11-23T02:00:00.000Z');
const at = (hours: number) => new Date(ordered.getTime() + hours * HOUR);

const parcel = (overrides: Partial<RoutedShipment> = {}): RoutedShipment => ({
  shipmentId: 'shp_0123456789abcdef0123-1',
  kind: 'warehouse',
  warehouseId: 'wh-cd',
  lines: [{ lineId: '1', skuId: 'sku-1', quantity: 1 }],
  status: 'accepted',
  dispatchBy: at(48),
  requestedAt: ordered,
  acceptedAt: at(1),
  ...overrides,
});

const escalate: ShipmentDeadlinePolicy = { acceptTimeoutMs: 4 * HOUR, breachPolicy: 'escalate' };
const reroute: ShipmentDeadlinePolicy = { ...escalate, breachPolicy: 'reroute' };
const due = (shipments: RoutedShipment[], hours: number, policy = escalate) => shipmentDeadlinesDue({ shipments }, at(hours), policy);

describe('shipmentDeadlinesDue', () => {
  it('has nothing due for an accepted parcel before 36 h', () => {
    expect(due([parcel()], 0)).toEqual([]);
    expect(due([parcel()], 35.99)).toEqual([]);
  });

  it('flags at-risk from 36 h (dispatchBy − 12 h), once', () => {
    expect(due([parcel()], 36)).toEqual([{ shipmentId: 'shp_0123456789abcdef0123-1', warehouseId: 'wh-cd', flag: 'at-risk' }]);
    expect(due([parcel({ slaFlag: 'at-risk' })], 40)).toEqual([]);
  });

  it('flags the breach once the promise is past (a dispatch at dispatchBy itself is in time), and escalates by default', () => {
    expect(due([parcel({ slaFlag: 'at-risk' })], 48)).toEqual([]);
    expect(due([parcel({ slaFlag: 'at-risk' })], 48.001)).toEqual([expect.objectContaining({ flag: 'breached', escalate: true })]);
    expect(due([parcel({ slaFlag: 'breached' })], 60)).toEqual([]);
  });

  it('goes straight to breached when the sweep first sees the parcel after its promise', () => {
    expect(due([parcel()], 50)).toEqual([expect.objectContaining({ flag: 'breached', escalate: true })]);
  });

  it('reroutes a breached parcel under the reroute policy, also when only the reroute is left to do', () => {
    expect(due([parcel({ slaFlag: 'at-risk' })], 49, reroute)).toEqual([
      { shipmentId: 'shp_0123456789abcdef0123-1', warehouseId: 'wh-cd', flag: 'breached', reroute: 'sla-breached' },
    ]);
    // Flag written, reroute not yet (a crash in between): the reroute is still due, the flag is not.
    expect(due([parcel({ slaFlag: 'breached' })], 49, reroute)).toEqual([
      { shipmentId: 'shp_0123456789abcdef0123-1', warehouseId: 'wh-cd', reroute: 'sla-breached' },
    ]);
  });

  it('does not move the successor of a breached parcel again: flagged and escalated', () => {
    const gaveBack = parcel({ status: 'rejected', slaFlag: 'breached', rejectedBy: ['wh-cd'] });
    const successor = parcel({
      shipmentId: 'shp_0123456789abcdef0123-2',
      warehouseId: 'wh-xa',
      status: 'requested',
      requestedAt: at(49),
      acceptedAt: undefined,
    });
    expect(due([gaveBack, successor], 49, reroute)).toEqual([
      { shipmentId: 'shp_0123456789abcdef0123-2', warehouseId: 'wh-xa', flag: 'breached', escalate: true },
    ]);
    // It may still time out on acceptance like any parcel.
    expect(due([gaveBack, { ...successor, slaFlag: 'breached' }], 53, reroute)).toEqual([
      { shipmentId: 'shp_0123456789abcdef0123-2', warehouseId: 'wh-xa', reroute: 'not-accepted' },
    ]);
  });

  it('reroutes a parcel still requested after the acceptance timeout, not an accepted one', () => {
    const requested = parcel({ status: 'requested', acceptedAt: undefined, requestedAt: at(1) });
    expect(due([requested], 4.99)).toEqual([]);
    expect(due([requested], 5)).toEqual([{ shipmentId: 'shp_0123456789abcdef0123-1', warehouseId: 'wh-cd', reroute: 'not-accepted' }]);
    expect(due([parcel({ requestedAt: at(1) })], 30)).toEqual([]);
  });

  it('can be due for a flag and a reroute at once', () => {
    const requested = parcel({ status: 'requested', acceptedAt: undefined, requestedAt: at(33) });
    expect(due([requested], 37)).toEqual([{ shipmentId: 'shp_0123456789abcdef0123-1', warehouseId: 'wh-cd', flag: 'at-risk', reroute: 'not-accepted' }]);
  });

  it('leaves dispatched, rejected, cancelled and drop-ship parcels alone', () => {
    const others = [
      parcel({ shipmentId: 'a', status: 'dispatched', dispatchedAt: at(50) }),
      parcel({ shipmentId: 'b', status: 'rejected' }),
      parcel({ shipmentId: 'c', status: 'cancelled' }),
      parcel({ shipmentId: 'd', kind: 'drop-ship', warehouseId: undefined, supplierSourceId: 'jd', status: 'requested' }),
    ];
    expect(due(others, 100, reroute)).toEqual([]);
  });

  it('decides per parcel', () => {
    const fine = parcel({ shipmentId: 'a', slaFlag: 'at-risk' });
    const late = parcel({ shipmentId: 'b', warehouseId: 'wh-bj' });
    expect(due([fine, late], 40).map((entry) => entry.shipmentId)).toEqual(['b']);
  });
});
