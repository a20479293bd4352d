import { OrderAccepted, OrderRouted, type SerializedEvent } from '@supply-hub/contracts';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import { checkReplacement, orderIdFor, type ReplacementRequest, replacementMallOrderId, type SellableSku } from '@supply-hub/orders-domain';
import { fingerprintOf, type PlacedOrder } from '../place-order/place-order.use-case';
import type { RouteOrder } from '../route-order/route-order.use-case';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';

/** The order store as taking an order in uses it (OrderStore; in memory in the specs). */
export type ReplacementOrders = Pick<OrderStore, 'get' | 'getAny' | 'insert' | 'writeIntent' | 'dropIntent'>;

export type PlaceReplacementCommand = ReplacementRequest & { reason: string };

/**
 * Ships what an after-sales case asks for again, as an order of its own for the same mall: one line of
 * the original order, to the original recipient, routed by the same rules as any order. Exactly one
 * order per case: its id is derived from the tenant and the case, so a redelivered request, a second
 * instance or a restart finds the order already there and only finishes routing it. Taken in as
 * PlaceOrder takes an order (intake intent, order and OrderAccepted in one write, then RouteOrder), so
 * RecoverRoutings routes one whose router died in between.
 *
 * Another tenant's order, or one that does not exist, is a NotFoundError, and a request that does not
 * match the original line a ValidationError: neither gets better on a retry, so the consumer dead-letters them.
 */
export class PlaceReplacementOrder {
  constructor(
    private readonly orders: ReplacementOrders,
    private readonly skus: (skuIds: readonly string[]) => Promise<Map<string, SellableSku>>,
    private readonly routing: Pick<RouteOrder, 'execute'>,
    private readonly clock: Clock,
  ) {}

  async execute(tenantId: string, command: PlaceReplacementCommand): Promise<PlacedOrder> {
    const mallOrderId = replacementMallOrderId(command.caseId);
    const orderId = orderIdFor(tenantId, mallOrderId);
    const existing = await this.orders.getAny(orderId);
    if (existing) return this.again(existing);

    const original = await this.orders.get(tenantId, command.orderId);
    if (!original) throw new NotFoundError('order', command.orderId);
    const skus = await this.skus([command.skuId]);
    const checked = checkReplacement(original, command, skus.get(command.skuId));
    if (!checked.ok) throw new ValidationError(`no replacement for case ${command.caseId}`, checked.issues);

    const now = this.clock.now();
    const { line } = checked;
    const replacementFor = { caseId: command.caseId, orderId: original._id, lineId: line.lineId };
    const refused = line.status === 'refused';
    const order: OrderDocument = {
      _id: orderId,
      tenantId,
      mallOrderId,
      requestFingerprint: fingerprintOf(replacementFor),
      status: refused ? 'refused' : 'accepted',
      lines: [line],
      recipient: original.recipient,
      // Nothing ships it later (no backorder is ever resumed), and aftersales turns a refused replacement
      // into a refund: refusing what nobody can ship now is what ends the case, whatever the original order chose.
      unavailablePolicy: 'refuse',
      reservations: [],
      shipments: [],
      replacementFor,
      createdAt: now,
      updatedAt: now,
      timeline: [
        { at: now, status: 'accepted', note: `replacement for case ${command.caseId}: line ${line.lineId} of order ${original._id} (${command.reason})` },
        ...(refused ? [{ at: now, status: 'refused', note: line.reason }] : []),
      ],
      version: 1,
    };
    const accepted = tenantEvent(
      OrderAccepted,
      {
        orderId,
        mallOrderId,
        lines: [{ lineId: line.lineId, skuId: line.skuId, quantity: line.quantity, kind: line.kind, unitPriceFen: line.unitPriceFen }],
        cityCode: order.recipient.cityCode,
        replacement: replacementFor,
      },
      tenantId,
      now,
    );
    // Refused at intake: nothing to route, so the order is final in this one write and needs no intent.
    if (refused) return this.stored(await this.orders.insert(order, [accepted, refusedEvent(order, now)]));

    // Written before the order: if this process dies between storing and routing it, recovery routes it.
    const intentId = await this.orders.writeIntent({ orderId, tenantId, operation: 'intake', planned: [], at: now });
    const stored = await this.orders.insert(order, [accepted]);
    if (!stored.created) {
      await this.orders.dropIntent(intentId);
      return this.again(stored.order);
    }
    const routed = await this.routing.execute(order, skus);
    await this.orders.dropIntent(intentId);
    return { order: routed, created: true };
  }

  private async stored(stored: { created: boolean; order: OrderDocument }): Promise<PlacedOrder> {
    return stored.created ? stored : this.again(stored.order);
  }

  /** The case's order exists (a redelivery, a race, a restart): the first request stands; finish routing it. */
  private async again(existing: OrderDocument): Promise<PlacedOrder> {
    if (existing.status === 'accepted') return { order: await this.routing.execute(existing), created: false };
    return { order: existing, created: false };
  }
}

/** The routing answer of a replacement refused at intake, as RouteOrder announces a refused order. */
function refusedEvent(order: OrderDocument, at: Date): SerializedEvent {
  return tenantEvent(
    OrderRouted,
    {
      orderId: order._id,
      mallOrderId: order.mallOrderId,
      parcels: [],
      backorderedLineIds: [],
      refusedLineIds: order.lines.map((line) => line.lineId),
      virtualLineIds: [],
    },
    order.tenantId,
    at,
  );
}
