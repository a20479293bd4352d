import { randomBytes } from 'node:crypto';
import { ShipmentRequested, type SerializedEvent } from '@supply-hub/contracts';
import type { OrderDocument, OrderStore, WarehouseCapacityStore, WarehouseStockStore } from '@supply-hub/orders-data-access';
import {
  type DropShipOffer,
  holdIdOf,
  type OrderLine,
  type OrderStatus,
  type PhysicalLine,
  type Reservation,
  type RoutedShipment,
  type RoutingDecision,
  type RoutingStrategy,
  routeOrder,
  type SellableSku,
  shipmentIdFor,
  type Warehouse,
} from '@supply-hub/orders-domain';
import { beijingDay, type Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';

export const DISPATCH_PROMISE_MS = 48 * 3_600_000;

export interface RoutingDependencies {
  orders: OrderStore;
  stock: WarehouseStockStore;
  capacity: WarehouseCapacityStore;
  warehouses: () => readonly Warehouse[];
  skus: (skuIds: readonly string[]) => Promise<Map<string, SellableSku>>;
  strategy?: RoutingStrategy;
  clock: Clock;
}

export interface RoutingPlan {
  decision: RoutingDecision;
  shipments: RoutedShipment[];
  planned: Reservation[];
}

/**
 * Decides where `lines` of an order go, on the stock and capacity as they are now, leaving out the
 * warehouses in `excluded` (those that rejected the parcel). New parcels are numbered after the order's.
 * `knownSkus`, when the caller has just read them (intake), saves reading the SKUs again.
 */
export async function planRouting(
  deps: RoutingDependencies,
  order: OrderDocument,
  lines: readonly PhysicalLine[],
  excluded: ReadonlySet<string>,
  now: Date,
  knownSkus?: ReadonlyMap<string, SellableSku>,
): Promise<RoutingPlan> {
  const warehouses = deps.warehouses().filter((warehouse) => !excluded.has(warehouse.id));
  const skuIds = [...new Set(lines.map((line) => line.skuId))];
  const [stock, capacity, skus] = await Promise.all([
    deps.stock.available(
      warehouses.map((warehouse) => warehouse.id),
      skuIds,
    ),
    deps.capacity.left(
      warehouses.map((warehouse) => warehouse.id),
      beijingDay(now),
    ),
    knownSkus ?? deps.skus(skuIds),
  ]);
  const decision = routeOrder(
    {
      destination: { cityCode: order.recipient.cityCode, lat: order.recipient.lat, lng: order.recipient.lng },
      lines,
      warehouses,
      stock,
      capacity,
      dropShip: (skuId) => dropShipOf(skus.get(skuId)),
      unshippable: order.unavailablePolicy,
    },
    deps.strategy,
  );
  const shipments = shipmentsOf(order, decision, now, order.shipments.length + 1, excluded);
  return { decision, shipments, planned: reservationsOf(shipments, randomBytes(4).toString('hex')) };
}

/**
 * Takes the stock and the day's parcel capacity a plan needs. The holds are conditional writes in one
 * bulk; when one fails (another router was faster) what was taken is given back and the answer is false:
 * decide again.
 */
export async function takeHolds(deps: RoutingDependencies, plan: RoutingPlan, now: Date): Promise<{ ok: boolean; undo: () => Promise<void> }> {
  const day = beijingDay(now);
  const taken: Reservation[] = [];
  const capacityTaken: string[] = [];
  const undo = async () => {
    for (const hold of taken) await deps.stock.release(hold.warehouseId, hold.skuId, hold.quantity, hold.holdId, 'routing retried', now);
    for (const warehouseId of capacityTaken) await deps.capacity.giveBack(warehouseId, day);
  };
  const placed = await deps.stock.reserveAll(plan.planned, now);
  taken.push(...plan.planned.filter((_, index) => placed[index]));
  if (taken.length < plan.planned.length) {
    await undo();
    return { ok: false, undo };
  }
  const warehouses = deps.warehouses();
  for (const shipment of plan.shipments.filter((candidate) => candidate.kind === 'warehouse')) {
    const warehouse = warehouses.find((candidate) => candidate.id === shipment.warehouseId);
    if (!warehouse || !(await deps.capacity.take(warehouse.id, day, warehouse.dailyCapacity))) {
      await undo();
      return { ok: false, undo };
    }
    capacityTaken.push(warehouse.id);
  }
  return { ok: true, undo };
}

export function physicalLinesOf(lines: readonly OrderLine[]): PhysicalLine[] {
  return lines.filter((line) => line.kind === 'physical').map(({ lineId, skuId, quantity }) => ({ lineId, skuId, quantity }));
}

function dropShipOf(sku: SellableSku | undefined): DropShipOffer | undefined {
  if (!sku?.bestOffer || !sku.sellable) return undefined;
  return { sourceId: sku.bestOffer.sourceId, externalId: sku.bestOffer.externalId, units: sku.stock ?? 0 };
}

function shipmentsOf(order: OrderDocument, decision: RoutingDecision, now: Date, firstNumber: number, excluded: ReadonlySet<string>): RoutedShipment[] {
  // The 48-hour promise runs from the order, whatever happened to its first parcel.
  const dispatchBy = new Date(order.createdAt.getTime() + DISPATCH_PROMISE_MS);
  const rejectedBy = excluded.size > 0 ? { rejectedBy: [...excluded] } : {};
  return decision.parcels.map((parcel, index) =>
    parcel.kind === 'warehouse'
      ? {
          shipmentId: shipmentIdFor(order._id, firstNumber + index),
          kind: 'warehouse',
          warehouseId: parcel.warehouseId,
          distanceKm: parcel.distanceKm,
          lines: parcel.lines.map(({ lineId, skuId, quantity }) => ({ lineId, skuId, quantity })),
          status: 'requested',
          dispatchBy,
          requestedAt: now,
          ...rejectedBy,
        }
      : {
          shipmentId: shipmentIdFor(order._id, firstNumber + index),
          kind: 'drop-ship',
          supplierSourceId: parcel.sourceId,
          lines: parcel.lines.map(({ lineId, skuId, quantity, externalId }) => ({ lineId, skuId, quantity, externalId })),
          status: 'requested',
          dispatchBy,
          requestedAt: now,
        },
  );
}

function reservationsOf(shipments: RoutedShipment[], planId: string): Reservation[] {
  return shipments
    .filter((shipment) => shipment.kind === 'warehouse')
    .flatMap((shipment) =>
      shipment.lines.map((line) => ({
        holdId: holdIdOf(planId, shipment.shipmentId, line.lineId),
        lineId: line.lineId,
        warehouseId: shipment.warehouseId!,
        skuId: line.skuId,
        quantity: line.quantity,
        shipmentId: shipment.shipmentId,
        state: 'held' as const,
      })),
    );
}

/** The order's lines after a decision about some of them: where each went, or why it did not. */
export function linesAfter(lines: readonly OrderLine[], decision: RoutingDecision, shipments: readonly RoutedShipment[]): OrderLine[] {
  const backordered = new Map(decision.backordered.map((line) => [line.lineId, line.reason]));
  const refused = new Map(decision.refused.map((line) => [line.lineId, line.reason]));
  return lines.map((line) => {
    if (line.kind === 'virtual') return line.status === 'accepted' ? { ...line, status: 'issuing' } : line;
    if (backordered.has(line.lineId)) return withoutShipment({ ...line, status: 'backordered', reason: backordered.get(line.lineId) });
    if (refused.has(line.lineId)) return withoutShipment({ ...line, status: 'refused', reason: refused.get(line.lineId) });
    const carriers = shipments.filter((candidate) => candidate.lines.some((shipped) => shipped.lineId === line.lineId));
    if (carriers.length === 0) return line;
    const { reason: _reason, ...rest } = line;
    return {
      ...rest,
      status: carriers.every((shipment) => shipment.kind === 'drop-ship') ? 'drop-ship' : 'reserved',
      // A line split over parcels names them all.
      shipmentId: carriers.map((shipment) => shipment.shipmentId).join(','),
    };
  });
}

function withoutShipment(line: OrderLine): OrderLine {
  const { shipmentId: _shipmentId, ...rest } = line;
  return rest;
}

const SETTLED_WITHOUT_GOODS: ReadonlySet<OrderLine['status']> = new Set(['cancelled', 'refused', 'issue-failed', 'backordered']);

/**
 * The order's status from its lines: delivered when every line still going somewhere arrived (a virtual
 * line arrives when issued), dispatched once goods left, routed while they wait; backordered or refused
 * when no line goes anywhere.
 */
export function statusOf(lines: readonly OrderLine[]): OrderStatus {
  if (lines.every((line) => line.status === 'cancelled')) return 'cancelled';
  const live = lines.filter((line) => !SETTLED_WITHOUT_GOODS.has(line.status));
  if (live.length === 0) return lines.some((line) => line.status === 'backordered') ? 'backordered' : 'refused';
  if (live.every((line) => line.status === 'delivered' || line.status === 'issued')) return 'delivered';
  if (live.some((line) => line.status === 'dispatched' || line.status === 'delivered')) return 'dispatched';
  return 'routed';
}

export function shipmentRequestedEvent(order: OrderDocument, shipment: RoutedShipment, at: Date): SerializedEvent {
  return tenantEvent(
    ShipmentRequested,
    {
      shipmentId: shipment.shipmentId,
      orderId: order._id,
      // A drop-ship parcel goes to its supplier's adapter, which reads the supplier: keys.
      warehouseId: shipmentOwner(shipment),
      lines: shipment.lines.map(({ lineId, skuId, quantity }) => ({
        lineId,
        skuId,
        quantity,
        title: order.lines.find((line) => line.lineId === lineId)?.title,
      })),
      recipient: {
        name: order.recipient.name,
        mobile: order.recipient.mobile,
        province: order.recipient.province,
        city: order.recipient.city,
        ...(order.recipient.district ? { district: order.recipient.district } : {}),
        address: order.recipient.address,
      },
      dispatchBy: shipment.dispatchBy.toISOString(),
    },
    order.tenantId,
    at,
  );
}

/** Who ships a parcel: its warehouse, or `supplier:<sourceId>` for drop-ship (the Kafka key either way). */
export function shipmentOwner(shipment: RoutedShipment): string {
  return shipment.warehouseId ?? `supplier:${shipment.supplierSourceId}`;
}
