import type { OrderLine, RoutedShipment } from '@supply-hub/orders-domain';
import { linesOfShipments } from '../warehouse-shipments/warehouse-shipments.use-case';
import { statusOf } from './routing-plan';

const line = (lineId: string, status: OrderLine['status'], kind: OrderLine['kind'] = 'physical'): OrderLine => ({
  lineId,
  skuId: `sku-${lineId}`,
  quantity: 1,
  kind,
  categoryFamily: kind === 'physical' ? 'physical' : 'virtual',
  title: 't',
  unitPriceFen: 100,
  status,
});

const parcel = (shipmentId: string, status: RoutedShipment['status'], lineIds: string[]): RoutedShipment => ({
  shipmentId,
  kind: 'warehouse',
  warehouseId: 'wh-bj',
  lines: lineIds.map((lineId) => ({ lineId, skuId: `sku-${lineId}`, quantity: 1 })),
  status,
  dispatchBy: new Date(0),
  requestedAt: new Date(0),
});

describe('statusOf', () => {
  it.each([
    [['reserved', 'backordered'], 'routed'],
    [['backordered', 'refused'], 'backordered'],
    [['refused'], 'refused'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['dispatched', 'reserved'], 'dispatched'],
    [['delivered', 'dispatched'], 'dispatched'],
    [['delivered', 'refused'], 'delivered'],
    [['issued', 'issue-failed'], 'delivered'],
    [['delivered', 'issuing'], 'dispatched'],
    [['issue-failed'], 'refused'],
  ] as [OrderLine['status'][], string][])('%j → %s', (statuses, expected) => {
    expect(statusOf(statuses.map((status, index) => line(String(index + 1), status, status.startsWith('issu') ? 'virtual' : 'physical')))).toBe(expected);
  });
});

describe('linesOfShipments', () => {
  it('a line split over two parcels is dispatched when one left and delivered when both arrived', () => {
    const lines = [line('1', 'reserved'), line('2', 'reserved')];
    const split = (first: RoutedShipment['status'], second: RoutedShipment['status']) => [parcel('s-1', first, ['1', '2']), parcel('s-2', second, ['1'])];
    expect(linesOfShipments(lines, split('requested', 'requested')).map((entry) => entry.status)).toEqual(['reserved', 'reserved']);
    expect(linesOfShipments(lines, split('dispatched', 'accepted')).map((entry) => entry.status)).toEqual(['dispatched', 'dispatched']);
    expect(linesOfShipments(lines, split('delivered', 'in-transit')).map((entry) => entry.status)).toEqual(['dispatched', 'delivered']);
    expect(linesOfShipments(lines, split('delivered', 'delivered')).map((entry) => entry.status)).toEqual(['delivered', 'delivered']);
  });

  it('ignores rejected and cancelled parcels, and cancelled or virtual lines', () => {
    const lines = [line('1', 'reserved'), line('2', 'cancelled'), line('3', 'issuing', 'virtual')];
    const parcels = [parcel('s-1', 'rejected', ['1']), parcel('s-2', 'dispatched', ['1', '2', '3'])];
    expect(linesOfShipments(lines, parcels).map((entry) => entry.status)).toEqual(['dispatched', 'cancelled', 'issuing']);
  });
});
