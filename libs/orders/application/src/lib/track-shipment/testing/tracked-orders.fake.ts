import type { OrderDocument } from '@supply-hub/orders-data-access';
import type { RoutedShipment } from '@supply-hub/orders-domain';
import type { TrackedOrders } from '../apply-carrier-push.use-case';
import { InMemoryOrders } from '../../shared/testing/in-memory-orders';

/** The order store in memory for the tracking use cases' specs (see InMemoryOrders). */
export class InMemoryTrackedOrders extends InMemoryOrders implements TrackedOrders {}

export const ORDER_ID = 'ord_0123456789abcdef0123';
export const SHIPMENT_ID = 'shp_0123456789abcdef0123-1';
export const SECOND_SHIPMENT_ID = 'shp_0123456789abcdef0123-2';

/** A parcel of wh-sz, dispatched with SF (the warehouse's own code for shunfeng), as dispatch leaves it. */
export function dispatchedShipment(overrides: Partial<RoutedShipment> = {}): RoutedShipment {
  return {
    shipmentId: SHIPMENT_ID,
    kind: 'warehouse',
    warehouseId: 'wh-sz',
    lines: [{ lineId: '1', skuId: 'sku-1', quantity: 1 }],
    status: 'dispatched',
    dispatchBy: new Date('2026-11-24T02:00:00Z'),
    requestedAt: new Date('2026-11-22T02:00:00Z'),
    acceptedAt: new Date('2026-11-22T03:00:00Z'),
    dispatchedAt: new Date('2026-11-22T04:00:00Z'),
    carrier: 'sf',
    trackingNumber: 'SF1234567890',
    trackingSubscribed: false,
    ...overrides,
  };
}

/** A mall's order whose lines ride on `shipments` (one line per parcel, line ids 1, 2 …). */
export function orderWith(shipments: RoutedShipment[]): OrderDocument {
  const at = new Date('2026-11-22T02:00:00Z');
  return {
    _id: ORDER_ID,
    tenantId: 'mall-a',
    mallOrderId: 'M-1',
    requestFingerprint: 'f',
    status: 'dispatched',
    lines: shipments.flatMap((shipment) =>
      shipment.lines.map((line) => ({
        lineId: line.lineId,
        skuId: line.skuId,
        quantity: line.quantity,
        kind: 'physical' as const,
        categoryFamily: 'physical' as const,
        title: '九阳豆浆机 DJ13B',
        unitPriceFen: 29_900,
        status: shipment.status === 'dispatched' ? ('dispatched' as const) : ('reserved' as const),
        shipmentId: shipment.shipmentId,
      })),
    ),
    recipient: {
      name: '赵六',
      mobile: '18612345678',
      province: '广东省',
      city: '深圳市',
      address: '科技园科苑路 15 号',
      cityCode: '440300',
      lat: 22.54,
      lng: 113.95,
    },
    unavailablePolicy: 'backorder',
    createdAt: at,
    updatedAt: at,
    timeline: [{ at, status: 'accepted' }],
    reservations: [],
    shipments,
    version: 3,
  };
}
