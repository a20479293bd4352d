import { ConflictError } from '@supply-hub/errors';
import type { OrderDocument } from '@supply-hub/orders-data-access';
import { emptyShipmentTracking, markResubscribed, orderIdOfShipment, type RoutedShipment } from '@supply-hub/orders-domain';
import type { CarrierSubscribeOutcome } from '@supply-hub/supplier-protocols';
import type { TrackedOrders } from './apply-carrier-push.use-case';
import { trackingCarrierCodeOf } from './carrier-codes';
import type { CarrierTrackingGateway } from './carrier-tracking-gateway';
import { needsTrackingSubscription } from './shipment-tracking-status';
import { trackingSaltOf } from './tracking-salt';

/** Where the sweep finds parcels that may need a subscription (never subscribed, or given up by the carrier). */
export interface ShipmentsAwaitingTracking {
  /** Orders holding such a parcel, by order id, after `afterOrderId` (from the start when undefined), at most `limit`. */
  awaiting(afterOrderId: string | undefined, limit: number): Promise<OrderDocument[]>;
}

export interface SubscribeShipmentTrackingOptions {
  /** The key of the per-shipment salts (see trackingSaltOf); the push receiver derives the same salt. */
  callbackSecret: string;
  /** Where the carrier pushes one parcel's tracking (this service's callback route for it). */
  callbackUrl: (shipmentId: string) => string;
  /** Orders the sweep reads per pass. */
  batchSize?: number;
}

export type TrackingSubscriptionResult =
  | { outcome: 'subscribed' | 'not-needed' | 'unknown-shipment' }
  /** The carrier said not now (or could not be reached), or refused: the parcel stays unsubscribed for the sweep. */
  | { outcome: Exclude<CarrierSubscribeOutcome, 'accepted' | 'already-subscribed'>; message: string };

export interface TrackingSweepReport {
  /** Parcels the pass tried to subscribe. */
  attempted: number;
  subscribed: number;
  /** The parcels left unsubscribed, and why (the next pass tries again). */
  failed: { shipmentId: string; reason: string }[];
}

const MAX_ATTEMPTS = 5;

/**
 * Subscribes a dispatched parcel's tracking number at the carrier, so it pushes the parcel's tracking to
 * this service, and records that it did. Runs after the dispatch was written (never inside it: a carrier
 * that is down must not stop a parcel from leaving), and again from the sweep for parcels whose
 * subscription failed or that the carrier gave up on (abort). Subscribing twice is harmless: the carrier
 * answers a duplicate subscription as already followed.
 */
export class SubscribeShipmentTracking {
  /** The sweep walks the awaiting orders by id, a batch per pass, so a stubborn parcel never starves the others. */
  private sweepCursor: string | undefined;

  constructor(
    private readonly orders: TrackedOrders,
    private readonly awaitingTracking: ShipmentsAwaitingTracking,
    private readonly carrier: CarrierTrackingGateway,
    private readonly options: SubscribeShipmentTrackingOptions,
  ) {}

  async execute(shipmentId: string): Promise<TrackingSubscriptionResult> {
    const found = await this.find(shipmentId);
    if (!found) return { outcome: 'unknown-shipment' };
    if (!needsTrackingSubscription(found.shipment)) return { outcome: 'not-needed' };
    return this.subscribe(found.order, found.shipment);
  }

  /**
   * The first subscription of a parcel, on its dispatch event. A parcel subscribed before is left alone,
   * even one the carrier has given up on since: re-subscribing is the sweep's, and a dispatch event read
   * late (a lagging consumer) must not race it.
   */
  async afterDispatch(shipmentId: string): Promise<TrackingSubscriptionResult> {
    const found = await this.find(shipmentId);
    if (!found) return { outcome: 'unknown-shipment' };
    if (found.shipment.trackingSubscribed === true || !needsTrackingSubscription(found.shipment)) return { outcome: 'not-needed' };
    return this.subscribe(found.order, found.shipment);
  }

  /** One pass over the parcels awaiting a subscription (tests call it directly; the app runs it on a timer). */
  async sweep(): Promise<TrackingSweepReport> {
    const batchSize = this.options.batchSize ?? 100;
    const orders = await this.awaitingTracking.awaiting(this.sweepCursor, batchSize);
    this.sweepCursor = orders.length < batchSize ? undefined : orders.at(-1)?._id;
    const report: TrackingSweepReport = { attempted: 0, subscribed: 0, failed: [] };
    for (const order of orders) {
      for (const { shipmentId } of order.shipments.filter(needsTrackingSubscription)) {
        // execute reads the order again: it may have moved since the batch was read (another parcel, a push).
        const result = await this.execute(shipmentId).catch((error: unknown) => ({ outcome: 'error' as const, message: String(error) }));
        if (result.outcome === 'not-needed') continue;
        report.attempted++;
        if (result.outcome === 'subscribed') report.subscribed++;
        else report.failed.push({ shipmentId, reason: 'message' in result ? `${result.outcome}: ${result.message}` : result.outcome });
      }
    }
    return report;
  }

  private async subscribe(order: OrderDocument, shipment: RoutedShipment): Promise<TrackingSubscriptionResult> {
    const company = trackingCarrierCodeOf(shipment.carrier!);
    const number = shipment.trackingNumber!;
    const answer = await this.carrier.subscribe({
      company,
      number,
      callbackUrl: this.options.callbackUrl(shipment.shipmentId),
      salt: trackingSaltOf(this.options.callbackSecret, shipment.shipmentId),
    });
    if (answer.outcome !== 'accepted' && answer.outcome !== 'already-subscribed') return { outcome: answer.outcome, message: answer.message };

    let current: { order: OrderDocument; shipment: RoutedShipment } | undefined = { order, shipment };
    for (let attempt = 0; attempt < MAX_ATTEMPTS && current; attempt++) {
      // Someone else recorded it (the sweep and the dispatch event racing, or a push that came first).
      if (!needsTrackingSubscription(current.shipment)) return { outcome: 'subscribed' };
      const tracking = current.shipment.tracking ? markResubscribed(current.shipment.tracking) : emptyShipmentTracking(company, number);
      const next: RoutedShipment = { ...current.shipment, trackingSubscribed: true, tracking };
      const shipments = current.order.shipments.map((candidate) => (candidate.shipmentId === next.shipmentId ? next : candidate));
      if (await this.orders.update(current.order._id, current.order.version, { shipments }, [], [])) return { outcome: 'subscribed' };
      current = await this.find(shipment.shipmentId);
    }
    if (!current) return { outcome: 'unknown-shipment' };
    throw new ConflictError(`shipment ${shipment.shipmentId} keeps changing; its subscription is recorded by the next sweep`, {
      shipmentId: shipment.shipmentId,
    });
  }

  private async find(shipmentId: string): Promise<{ order: OrderDocument; shipment: RoutedShipment } | undefined> {
    const orderId = orderIdOfShipment(shipmentId);
    const order = orderId ? await this.orders.getAny(orderId) : null;
    const shipment = order?.shipments.find((candidate) => candidate.shipmentId === shipmentId);
    return order && shipment ? { order, shipment } : undefined;
  }
}
