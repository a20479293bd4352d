import { createHash } from 'node:crypto';
import { OrderAccepted } from '@supply-hub/contracts';
import { IdempotencyKeyReusedError, ValidationError } from '@supply-hub/errors';
import { canonicalJson } from '@supply-hub/http';
import type { BlacklistEntryTerms, BlacklistSubject } from '@supply-hub/blacklist';
import type { OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import { blacklistSubjectOf, checkOrderRequest, type OrderRequest, orderIdFor, poolSkuOf, type SellableSku } from '@supply-hub/orders-domain';
import type { PoolAdmission } from '@supply-hub/selection-pools';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';
import type { RouteOrder } from '../route-order/route-order.use-case';

export interface PlacedOrder {
  order: OrderDocument;
  /** False when the same order was placed before: the answer is what it became then. */
  created: boolean;
}

/**
 * Takes a mall's order: idempotent on the mall's own order id (the same id and body give the same
 * answer; the same id with another body is a 409), validated with every problem named (a line whose SKU
 * an active quality blacklist entry names, or one outside the mall's selection pool, included), stored with its accepted event, then routed before
 * the answer so the mall learns where each line went.
 */
export class PlaceOrder {
  constructor(
    private readonly orders: OrderStore,
    private readonly skus: (skuIds: readonly string[]) => Promise<Map<string, SellableSku>>,
    private readonly routing: RouteOrder,
    private readonly clock: Clock,
    /** The active quality blacklist of this instance (ActiveBlacklist); none when absent. */
    private readonly blacklist?: { firstMatch(subject: BlacklistSubject, now?: Date): BlacklistEntryTerms | undefined },
    /** The malls' selection pools as this instance knows them (ActiveSelectionPools); none: no pool checks. */
    private readonly pools?: { admissionOf(mallId: string): PoolAdmission | undefined },
  ) {}

  async execute(tenantId: string, request: OrderRequest): Promise<PlacedOrder> {
    const orderId = orderIdFor(tenantId, request.mallOrderId);
    const fingerprint = fingerprintOf(request);
    const existing = await this.orders.getAny(orderId);
    if (existing) return this.again(existing, fingerprint, request.mallOrderId);

    const skus = await this.skus(request.lines.map((line) => line.skuId));
    const now = this.clock.now();
    // A mall without a pool may order any sellable SKU.
    const admits = this.pools?.admissionOf(tenantId);
    const checked = checkOrderRequest(
      request,
      (skuId) => skus.get(skuId),
      (sku) => this.blacklist?.firstMatch(blacklistSubjectOf(sku), now),
      (sku) => {
        if (!admits) return true;
        const candidate = poolSkuOf(sku);
        return candidate !== undefined && admits(candidate);
      },
    );
    if (!checked.ok) throw new ValidationError('the order cannot be taken', checked.issues);

    const order: OrderDocument = {
      _id: orderId,
      tenantId,
      mallOrderId: request.mallOrderId,
      requestFingerprint: fingerprint,
      status: 'accepted',
      lines: checked.lines,
      recipient: checked.recipient,
      unavailablePolicy: request.unavailablePolicy ?? 'backorder',
      reservations: [],
      shipments: [],
      createdAt: now,
      updatedAt: now,
      timeline: [{ at: now, status: 'accepted' }],
      version: 1,
    };
    const accepted = tenantEvent(
      OrderAccepted,
      {
        orderId,
        mallOrderId: request.mallOrderId,
        lines: checked.lines.map((line) => ({ lineId: line.lineId, skuId: line.skuId, quantity: line.quantity, kind: line.kind, unitPriceFen: line.unitPriceFen })),
        cityCode: checked.recipient.cityCode,
      },
      tenantId,
      now,
    );
    // Written before the order: if this process dies between storing and routing it, recovery routes it.
    const intentId = await this.orders.writeIntent({ orderId, tenantId, operation: 'intake', planned: [], at: now });
    const stored = await this.orders.insert(order, [accepted]);
    if (!stored.created) {
      await this.orders.dropIntent(intentId);
      return this.again(stored.order, fingerprint, request.mallOrderId);
    }
    const routed = await this.routing.execute(order, skus);
    await this.orders.dropIntent(intentId);
    return { order: routed, created: true };
  }

  private async again(existing: OrderDocument, fingerprint: string, mallOrderId: string): Promise<PlacedOrder> {
    if (existing.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError(mallOrderId);
    // Placed before but not routed yet (its router died or is still at it): route it now.
    if (existing.status === 'accepted') return { order: await this.routing.execute(existing), created: false };
    return { order: existing, created: false };
  }
}

/** A request as it was sent (the mall's order, a case's replacement), independent of key order. */
export function fingerprintOf(request: object): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
