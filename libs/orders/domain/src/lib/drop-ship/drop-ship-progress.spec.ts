import type { OrderLine, RoutedShipment } from '../order/order';
import { hasLeftSupplier, linesAfterSupplierRejection, supplierTracking } from './drop-ship-progress';
import type { SupplierTrackEntry } from './drop-ship-supplier';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 4, minute));

const TRACK: SupplierTrackEntry[] = [
  { at: at(0), content: '您提交了订单，请等待系统确认', operator: '客户' },
  { at: at(1), content: '您的订单已经进入京东成都仓准备出库', operator: '系统' },
  { at: at(2), content: '您的订单在京东【成都分拣中心】发货完成', operator: '京东物流', milestone: 'dispatched' },
  { at: at(3), content: '您的订单已到达【成都高新站】', operator: '京东物流' },
  { at: at(4), content: '配送员开始配送', operator: '王师傅', milestone: 'out-for-delivery' },
  { at: at(5), content: '您的订单已妥投', operator: '王师傅', milestone: 'delivered' },
];

describe('supplierTracking', () => {
  it('is pending while the supplier handles the order', () => {
    const tracking = supplierTracking('jd', '250000000001', TRACK.slice(0, 2));
    expect(tracking).toMatchObject({ carrier: 'jd', trackingNumber: '250000000001', status: 'pending', final: false, subscription: 'active' });
    expect(tracking.timeline.map((checkpoint) => checkpoint.statusName)).toEqual(['处理中', '处理中']);
    expect(hasLeftSupplier(TRACK.slice(0, 2))).toBe(false);
  });

  it('follows the newest milestone, entries after dispatch in transit, oldest first whatever the order given', () => {
    const tracking = supplierTracking('jd', '250000000001', [...TRACK.slice(0, 5)].reverse());
    expect(tracking.status).toBe('out-for-delivery');
    expect(tracking.timeline.map((checkpoint) => [checkpoint.statusName, checkpoint.carrierState])).toEqual([
      ['处理中', undefined],
      ['处理中', undefined],
      ['在途', '0'],
      ['在途', '0'],
      ['派件', '5'],
    ]);
    expect(tracking.timeline[0]).toEqual({ time: '2026-11-22T04:00:00.000Z', context: '您提交了订单，请等待系统确认', statusName: '处理中' });
    expect(hasLeftSupplier(TRACK.slice(0, 3))).toBe(true);
  });

  it('is final and complete once delivered or rejected', () => {
    expect(supplierTracking('jd', '1', TRACK)).toMatchObject({ status: 'delivered', carrierState: '3', final: true, subscription: 'shutdown' });
    const rejected = supplierTracking('jd', '1', [...TRACK.slice(0, 4), { at: at(9), content: '客户拒收', milestone: 'rejected' }]);
    expect(rejected).toMatchObject({ status: 'exception', carrierState: '14', final: true });
    expect(rejected.timeline.at(-1)!.statusName).toBe('拒签');
  });
});

describe('linesAfterSupplierRejection', () => {
  const line = (lineId: string, status: OrderLine['status'], shipmentId?: string): OrderLine => ({
    lineId,
    skuId: `sku-${lineId}`,
    quantity: 1,
    kind: 'physical',
    categoryFamily: 'physical',
    title: 't',
    unitPriceFen: 100,
    status,
    ...(shipmentId ? { shipmentId } : {}),
  });
  const parcel = (shipmentId: string, lineIds: string[], status: RoutedShipment['status']): RoutedShipment => ({
    shipmentId,
    kind: 'drop-ship',
    supplierSourceId: 'jd',
    lines: lineIds.map((lineId) => ({ lineId, skuId: `sku-${lineId}`, quantity: 1, externalId: '1' })),
    status,
    dispatchBy: at(0),
    requestedAt: at(0),
  });

  it('backorders or refuses, as the mall asked, the lines only the rejected parcel carried', () => {
    const rejected = parcel('s-1', ['1', '2'], 'rejected');
    const other = parcel('s-2', ['2'], 'accepted');
    const lines = [line('1', 'drop-ship', 's-1'), line('2', 'drop-ship', 's-1,s-2'), line('3', 'reserved', 's-3')];
    expect(linesAfterSupplierRejection(lines, [rejected, other], rejected, 'backorder', 'JD 拒收')).toEqual([
      { ...line('1', 'backordered'), reason: 'JD 拒收' },
      line('2', 'drop-ship', 's-2'),
      line('3', 'reserved', 's-3'),
    ]);
    expect(linesAfterSupplierRejection(lines, [rejected], rejected, 'refuse', 'no')[0]).toEqual({ ...line('1', 'refused'), reason: 'no' });
  });

  it('leaves cancelled lines alone', () => {
    const rejected = parcel('s-1', ['1'], 'rejected');
    expect(linesAfterSupplierRejection([line('1', 'cancelled')], [rejected], rejected, 'backorder', 'x')).toEqual([line('1', 'cancelled')]);
  });
});
