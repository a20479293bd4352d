import { OrderRouted, type SerializedEvent, VirtualLineRequested } from '@supply-hub/contracts';
import type { OrderDocument } from '@supply-hub/orders-data-access';
import type { OrderLine, SellableSku } from '@supply-hub/orders-domain';
import { tenantEvent } from '../shared/order-events';
import {
  linesAfter,
  physicalLinesOf,
  planRouting,
  type RoutingDependencies,
  type RoutingPlan,
  shipmentRequestedEvent,
  statusOf,
  takeHolds,
} from './routing-plan';

const MAX_ATTEMPTS = 4;
/** How often a shortage is looked at again before lines are backordered or refused, the first pause (doubling, jittered). */
const SHORTAGE_RECHECKS = 4;
const SHORTAGE_RECHECK_MS = 100;

export type RouteOrderDependencies = RoutingDependencies;

/**
 * Routes an accepted order: decides the parcels (the routing domain), then holds the stock and the day's
 * capacity they need, then records the decision, the parcels and their events on the order in one
 * guarded write. A hold that fails (another router was faster) undoes the holds taken and decides again
 * on fresh stock. The holds about to be taken are written first as an intent, so a router that dies
 * midway leaves nothing that recovery (RecoverRoutings) cannot undo.
 */
export class RouteOrder {
  constructor(private readonly deps: RouteOrderDependencies) {}

  /** `knownSkus`: the order's SKUs as intake just read them (they are read again when absent). */
  async execute(order: OrderDocument, knownSkus?: ReadonlyMap<string, SellableSku>): Promise<OrderDocument> {
    let lostRaces = 0;
    let shortageChecks = 0;
    let shortSeen = false;
    while (lostRaces < MAX_ATTEMPTS) {
      const routed = await this.attempt(order, knownSkus, { confirmed: shortageChecks >= SHORTAGE_RECHECKS, firstSight: !shortSeen });
      if (routed === 'contended') {
        // Looked at again after a pause (doubling, jittered); only a lost race uses up an attempt.
        await new Promise((resolve) => setTimeout(resolve, SHORTAGE_RECHECK_MS * 2 ** shortageChecks * (0.5 + Math.random())));
        shortageChecks++;
        shortSeen = true;
      } else if (routed === 'short') shortSeen = true;
      else if (routed) return routed;
      else lostRaces++;
      const current = await this.deps.orders.getAny(order._id);
      if (!current) throw new Error(`order ${order._id} vanished while being routed`);
      if (current.status !== 'accepted') return current; // another router got there first
      order = current;
    }
    throw new Error(`order ${order._id}: stock kept changing under ${MAX_ATTEMPTS} routing attempts`);
  }

  private async attempt(
    order: OrderDocument,
    knownSkus: ReadonlyMap<string, SellableSku> | undefined,
    shortage: { confirmed: boolean; firstSight: boolean },
  ): Promise<OrderDocument | 'short' | 'contended' | undefined> {
    const now = this.deps.clock.now();
    const plan = await planRouting(this.deps, order, physicalLinesOf(order.lines), new Set(), now, knownSkus);
    // A shortage may only be another order's holds of a moment (taken, then given back when its own
    // routing lost a race). While another order's stock operation on a short SKU is in flight, the line is
    // backordered or refused only when the shortage is still there after pauses and fresh reads
    // ('contended'). Otherwise one fresh read at once confirms it ('short'): an operation that began and
    // ended while this plan was read, its holds already given back, leaves no intent to see.
    const shortSkus = [...plan.decision.backordered, ...plan.decision.refused].map((line) => line.skuId);
    if (!shortage.confirmed && shortSkus.length > 0) {
      if (await this.deps.orders.othersWorkingOn(order._id, shortSkus)) return 'contended';
      if (shortage.firstSight) return 'short';
    }
    const intentId = await this.deps.orders.writeIntent({ orderId: order._id, tenantId: order.tenantId, operation: 'route', planned: plan.planned, at: now });
    const holds = await takeHolds(this.deps, plan, now);
    if (!holds.ok) {
      await this.deps.orders.dropIntent(intentId);
      return undefined;
    }
    const lines = linesAfter(order.lines, plan.decision, plan.shipments);
    const status = statusOf(lines);
    const changes = { status, lines, reservations: plan.planned, shipments: plan.shipments, routing: plan.decision.explanation };
    const timeline = [{ at: now, status, note: plan.decision.explanation.summary }];
    if (!(await this.deps.orders.update(order._id, order.version, changes, timeline, this.eventsOf(order, plan, lines, now), ['accepted']))) {
      await holds.undo();
      await this.deps.orders.dropIntent(intentId);
      return undefined;
    }
    await this.deps.orders.dropIntent(intentId);
    return { ...order, ...changes, version: order.version + 1, timeline: [...order.timeline, ...timeline] };
  }

  private eventsOf(order: OrderDocument, plan: RoutingPlan, lines: OrderLine[], at: Date): SerializedEvent[] {
    const { decision, shipments } = plan;
    const events: SerializedEvent[] = [
      tenantEvent(
        OrderRouted,
        {
          orderId: order._id,
          mallOrderId: order.mallOrderId,
          parcels: shipments.map((shipment) => ({
            shipmentId: shipment.shipmentId,
            kind: shipment.kind,
            ...(shipment.warehouseId ? { warehouseId: shipment.warehouseId } : {}),
            ...(shipment.supplierSourceId ? { supplier: { sourceId: shipment.supplierSourceId, externalId: shipment.lines[0]?.externalId ?? '' } } : {}),
            ...(shipment.distanceKm !== undefined ? { distanceKm: shipment.distanceKm } : {}),
            lines: shipment.lines.map(({ lineId, skuId, quantity }) => ({ lineId, skuId, quantity })),
          })),
          backorderedLineIds: decision.backordered.map((line) => line.lineId),
          refusedLineIds: decision.refused.map((line) => line.lineId),
          virtualLineIds: lines.filter((line) => line.kind === 'virtual').map((line) => line.lineId),
        },
        order.tenantId,
        at,
      ),
      ...shipments.map((shipment) => shipmentRequestedEvent(order, shipment, at)),
    ];
    for (const line of lines.filter((candidate) => candidate.kind === 'virtual')) {
      events.push(
        tenantEvent(
          VirtualLineRequested,
          { orderId: order._id, lineId: line.lineId, skuId: line.skuId, quantity: line.quantity, unitPriceFen: line.unitPriceFen, ...(line.account ? { account: line.account } : {}) },
          order.tenantId,
          at,
        ),
      );
    }
    return events;
  }
}
