import type { RoutedShipment } from '@supply-hub/orders-domain';
import { dispatchSlaReport, dispatchWithin48hRates } from './dispatch-sla-report';
import type { SlaOrder } from './sla-orders-source';

const HOUR = 3_600_000;
const day = new Date('2026-11-23T00:00:00.000Z');
const at = (hours: number) => new Date(day.getTime() + hours * HOUR);

let next = 0;
const parcel = (warehouseId: string, promiseHour: number, overrides: Partial<RoutedShipment> = {}): RoutedShipment => ({
  shipmentId: `shp_${++next}`,
  kind: 'warehouse',
  warehouseId,
  lines: [{ lineId: '1', skuId: 'sku-1', quantity: 1 }],
  status: 'accepted',
  dispatchBy: at(promiseHour),
  requestedAt: at(promiseHour - 48),
  ...overrides,
});
const orders = (...shipments: RoutedShipment[]): SlaOrder[] => shipments.map((shipment, index) => ({ _id: `ord_${index}`, shipments: [shipment] }));

describe('dispatchSlaReport', () => {
  const window = { from: at(0), to: at(24) };

  it('counts each parcel due in the window by outcome, per warehouse, with the rate over known outcomes', () => {
    const report = dispatchSlaReport(
      orders(
        parcel('wh-cd', 10, { status: 'dispatched', dispatchedAt: at(9) }),
        parcel('wh-cd', 11, { status: 'delivered', dispatchedAt: at(11) }), // at the promise itself: in time
        parcel('wh-cd', 12, { status: 'dispatched', dispatchedAt: at(13) }),
        parcel('wh-cd', 13, { slaFlag: 'breached' }), // still open after its promise
        parcel('wh-cd', 23), // promise ahead of the report time
        parcel('wh-cd', 14, { status: 'rejected', slaFlag: 'breached' }),
        parcel('wh-cd', 15, { status: 'rejected' }), // handed back in time: not this warehouse's miss
        parcel('wh-cd', 16, { status: 'cancelled' }),
        parcel('wh-bj', 1, { status: 'dispatched', dispatchedAt: at(0) }),
        parcel('wh-bj', 24, { status: 'dispatched', dispatchedAt: at(30) }), // outside the window
        parcel('wh-bj', -1, { status: 'dispatched', dispatchedAt: at(0) }), // outside the window
        { ...parcel('wh-bj', 5), kind: 'drop-ship', warehouseId: undefined, supplierSourceId: 'jd' },
      ),
      window,
      at(20),
      ['wh-bj', 'wh-cd', 'wh-sh'],
    );
    expect(report.warehouses).toEqual([
      {
        warehouseId: 'wh-bj',
        due: 1,
        dispatchedInTime: 1,
        dispatchedLate: 0,
        openPastDeadline: 0,
        reroutedAfterBreach: 0,
        openInTime: 0,
        handedBack: 0,
        rate: 1,
      },
      {
        warehouseId: 'wh-cd',
        due: 6,
        dispatchedInTime: 2,
        dispatchedLate: 1,
        openPastDeadline: 1,
        reroutedAfterBreach: 1,
        openInTime: 1,
        handedBack: 1,
        rate: 0.4,
      },
      {
        warehouseId: 'wh-sh',
        due: 0,
        dispatchedInTime: 0,
        dispatchedLate: 0,
        openPastDeadline: 0,
        reroutedAfterBreach: 0,
        openInTime: 0,
        handedBack: 0,
        rate: null,
      },
    ]);
    expect(report.total).toMatchObject({ due: 7, dispatchedInTime: 3, rate: 0.5 });
    expect(report.at).toEqual(at(20));
  });

  it('adds a row for a warehouse no longer configured', () => {
    const report = dispatchSlaReport(orders(parcel('wh-old', 3, { status: 'dispatched', dispatchedAt: at(4) })), window, at(20), []);
    expect(report.warehouses).toEqual([expect.objectContaining({ warehouseId: 'wh-old', dispatchedLate: 1, rate: 0 })]);
  });
});

describe('dispatchWithin48hRates', () => {
  it('is the share of parcels dispatched since then that left by their promise, per warehouse', () => {
    const rates = dispatchWithin48hRates(
      orders(
        parcel('wh-cd', 10, { status: 'dispatched', dispatchedAt: at(9) }),
        parcel('wh-cd', 10, { status: 'in-transit', dispatchedAt: at(10) }),
        parcel('wh-cd', 10, { status: 'dispatched', dispatchedAt: at(12) }),
        parcel('wh-cd', 10, { status: 'dispatched', dispatchedAt: at(14) }),
        parcel('wh-cd', 10, { status: 'dispatched', dispatchedAt: at(-30) }), // before `since`
        parcel('wh-bj', 10, { status: 'accepted' }),
      ),
      at(0),
    );
    expect([...rates.entries()]).toEqual([['wh-cd', 0.5]]);
  });
});
