import type { OrderDocument } from '@supply-hub/orders-data-access';
import type {
  DropShipOrderRequest,
  DropShipPlacement,
  DropShipSupplier,
  RoutedShipment,
  ShipmentStatus,
  SupplierOrderUpdate,
  SupplierTrackEntry,
} from '@supply-hub/orders-domain';
import type { DropShipOrders } from '../drop-ship-ports';
import { InMemoryOrders } from '../../shared/testing/in-memory-orders';

/** The orders collection in memory, for drop-ship specs (see InMemoryOrders), with drop-ship's queries. */
export class InMemoryDropShipOrders extends InMemoryOrders implements DropShipOrders {
  async withSupplierShipments(
    sourceId: string,
    statuses: readonly ShipmentStatus[],
    afterOrderId: string | undefined,
    limit: number,
  ): Promise<OrderDocument[]> {
    return [...this.rows.values()]
      .filter((order) => order.shipments.some((shipment) => shipment.supplierSourceId === sourceId))
      .filter((order) => order.shipments.some((shipment) => statuses.includes(shipment.status)))
      .filter((order) => afterOrderId === undefined || order._id > afterOrderId)
      .sort((a, b) => a._id.localeCompare(b._id))
      .slice(0, limit)
      .map((order) => structuredClone(order));
  }

  async bySupplierOrder(sourceId: string, supplierOrderId: string): Promise<OrderDocument | null> {
    const order = [...this.rows.values()].find((candidate) =>
      candidate.shipments.some((shipment) => shipment.supplierSourceId === sourceId && shipment.supplierOrderId === supplierOrderId),
    );
    return order ? structuredClone(order) : null;
  }
}

/** A supplier in memory: answers placeOrder from `placements` (default: accepted as `JD-<n>`), keeps updates until acknowledged. */
export class FakeSupplier implements DropShipSupplier {
  readonly sourceId = 'jd';
  readonly carrier = 'jd';
  readonly requests: DropShipOrderRequest[] = [];
  readonly placements: DropShipPlacement[] = [];
  readonly tracks = new Map<string, SupplierTrackEntry[]>();
  updates: SupplierOrderUpdate[] = [];
  acknowledged: string[] = [];
  failTrack = false;
  private placed = new Map<string, string>();

  async placeOrder(request: DropShipOrderRequest): Promise<DropShipPlacement> {
    this.requests.push(request);
    const scripted = this.placements.shift();
    if (scripted) return scripted;
    const supplierOrderId = this.placed.get(request.thirdOrder) ?? `25000000000${this.placed.size + 1}`;
    this.placed.set(request.thirdOrder, supplierOrderId);
    return { outcome: 'accepted', supplierOrderId };
  }

  async orderUpdates(): Promise<SupplierOrderUpdate[]> {
    return this.updates.filter((update) => !this.acknowledged.includes(update.updateId));
  }

  async acknowledge(updateIds: readonly string[]): Promise<void> {
    this.acknowledged.push(...updateIds);
  }

  async orderTrack(supplierOrderId: string): Promise<SupplierTrackEntry[]> {
    if (this.failTrack) throw new Error('track unavailable');
    return this.tracks.get(supplierOrderId) ?? [];
  }
}

export const ORDER_ID = 'ord_0123456789abcdef0123';
export const SHIPMENT_ID = 'shp_0123456789abcdef0123-1';
export const REQUESTED_AT = new Date('2026-11-22T02:00:00Z');

export function dropShipment(overrides: Partial<RoutedShipment> = {}): RoutedShipment {
  return {
    shipmentId: SHIPMENT_ID,
    kind: 'drop-ship',
    supplierSourceId: 'jd',
    lines: [{ lineId: '1', skuId: 'sku-1', quantity: 2, externalId: '100012345678' }],
    status: 'requested',
    dispatchBy: new Date('2026-11-24T02:00:00Z'),
    requestedAt: REQUESTED_AT,
    ...overrides,
  };
}

/** An order of one drop-ship line (line 1) and, when asked, a warehouse line (line 2). */
export function dropShipOrder(
  shipment: RoutedShipment = dropShipment(),
  options: { policy?: 'backorder' | 'refuse'; withWarehouseLine?: boolean } = {},
): OrderDocument {
  const line = (lineId: string, status: 'drop-ship' | 'reserved', shipmentId: string) => ({
    lineId,
    skuId: `sku-${lineId}`,
    quantity: lineId === '1' ? 2 : 1,
    kind: 'physical' as const,
    categoryFamily: 'physical' as const,
    title: '九阳豆浆机 DJ13B',
    unitPriceFen: 29_900,
    status,
    shipmentId,
  });
  const warehouseParcel: RoutedShipment = {
    shipmentId: 'shp_0123456789abcdef0123-2',
    kind: 'warehouse',
    warehouseId: 'wh-cd',
    lines: [{ lineId: '2', skuId: 'sku-2', quantity: 1 }],
    status: 'requested',
    dispatchBy: shipment.dispatchBy,
    requestedAt: REQUESTED_AT,
  };
  return {
    _id: ORDER_ID,
    tenantId: 'mall-a',
    mallOrderId: 'M-1',
    requestFingerprint: 'f',
    status: 'routed',
    lines: [line('1', 'drop-ship', shipment.shipmentId), ...(options.withWarehouseLine ? [line('2', 'reserved', warehouseParcel.shipmentId)] : [])],
    recipient: {
      name: '李四',
      mobile: '13912345678',
      province: '四川',
      city: '成都市',
      district: '武侯区',
      address: '天府大道北段 1700 号',
      cityCode: '510100',
      lat: 30.57,
      lng: 104.07,
    },
    unavailablePolicy: options.policy ?? 'backorder',
    createdAt: REQUESTED_AT,
    updatedAt: REQUESTED_AT,
    timeline: [{ at: REQUESTED_AT, status: 'accepted' }],
    reservations: [],
    shipments: [shipment, ...(options.withWarehouseLine ? [warehouseParcel] : [])],
    version: 2,
  };
}

const minute = (n: number) => new Date(REQUESTED_AT.getTime() + n * 60_000);

/** JD's track of an order up to `step` (0 = submitted and confirmed, 1 = left, 2 = at the station, 3 = out, 4 = 妥投). */
export function jdTrack(step: number): SupplierTrackEntry[] {
  const all: SupplierTrackEntry[] = [
    { at: minute(1), content: '您提交了订单，请等待系统确认', operator: '客户' },
    { at: minute(2), content: '您的订单已经进入京东成都仓准备出库', operator: '系统' },
    { at: minute(60), content: '您的订单在京东【成都分拣中心】发货完成', operator: '京东物流', milestone: 'dispatched' },
    { at: minute(120), content: '您的订单已到达【成都高新站】', operator: '京东物流' },
    { at: minute(180), content: '配送员开始配送', operator: '王师傅', milestone: 'out-for-delivery' },
    { at: minute(240), content: '您的订单已妥投', operator: '王师傅', milestone: 'delivered' },
  ];
  return all.slice(0, 2 + step);
}
