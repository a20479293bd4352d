import { ShipmentStatusChanged } from '@supply-hub/contracts';
import { ConflictError } from '@supply-hub/errors';
import type { OrderDocument, OrderStore } from '@supply-hub/orders-data-access';
import {
  applyTrackingPush,
  emptyShipmentTracking,
  orderIdOfShipment,
  type ParsedPush,
  parseCarrierPush,
  type RoutedShipment,
  type TimelineEntry,
  type TrackingPushResult,
} from '@supply-hub/orders-domain';
import { CARRIER_PUSH_STATUSES, type CarrierCallbackRefusal, readCarrierCallback } from '@supply-hub/supplier-protocols';
import { shipmentOwner, statusOf } from '../route-order/routing-plan';
import type { Clock } from '../shared/clock';
import { tenantEvent } from '../shared/order-events';
import { linesOfShipments } from '../warehouse-shipments/warehouse-shipments.use-case';
import { trackingCarrierCodeOf } from './carrier-codes';
import { shipmentStatusAfterTracking } from './shipment-tracking-status';
import { trackingSaltOf } from './tracking-salt';

/** A push as it came to the shipment's callback URL: the form fields, untouched (`sign` covers `param`'s exact text). */
export interface CarrierPushCommand {
  shipmentId: string;
  form: Record<string, string | undefined>;
}

/** Why a push is not taken: the carrier hears a refusal and retries (which cannot help, but costs nothing). */
export type CarrierPushRefusalReason = CarrierCallbackRefusal | 'unknown-shipment' | 'other-parcel';

export type CarrierPushReceipt =
  | {
      accepted: true;
      /** The push added checkpoints or moved the tracking; false for a duplicate or a stale push. */
      changed: boolean;
      statusChanged: boolean;
      shipment: RoutedShipment;
    }
  | { accepted: false; reason: CarrierPushRefusalReason; detail?: string };

export interface ApplyCarrierPushOptions {
  /** The key of the per-shipment salts (see trackingSaltOf). */
  callbackSecret: string;
}

/** The order store's part this use case writes through. */
export type TrackedOrders = Pick<OrderStore, 'getAny' | 'update'>;

const MAX_ATTEMPTS = 5;

/**
 * A carrier's tracking push for one parcel: the signature is checked with the parcel's salt before
 * anything is read, then the push is merged into the parcel's tracking (applyTrackingPush: duplicates
 * and older pushes add nothing). When the tracking status moves the parcel, its lines and the order
 * follow, the timeline says so and ShipmentStatusChanged goes out with the write (the mall's webhook).
 * Version-guarded: a concurrent change of the order makes it read and merge again.
 */
export class ApplyCarrierPush {
  constructor(
    private readonly orders: TrackedOrders,
    private readonly clock: Clock,
    private readonly options: ApplyCarrierPushOptions,
  ) {}

  async execute(command: CarrierPushCommand): Promise<CarrierPushReceipt> {
    const reading = readCarrierCallback(command.form, trackingSaltOf(this.options.callbackSecret, command.shipmentId));
    if (!reading.ok) return { accepted: false, reason: reading.reason, ...(reading.detail ? { detail: reading.detail } : {}) };
    const push = parseCarrierPush(reading.param);

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const orderId = orderIdOfShipment(command.shipmentId);
      const order = orderId ? await this.orders.getAny(orderId) : null;
      const shipment = order?.shipments.find((candidate) => candidate.shipmentId === command.shipmentId);
      if (!order || !shipment?.trackingNumber || !shipment.carrier) return { accepted: false, reason: 'unknown-shipment' };
      const mismatch = mismatchOf(shipment, push);
      if (mismatch) return { accepted: false, reason: 'other-parcel', detail: mismatch };

      const current = shipment.tracking ?? emptyShipmentTracking(trackingCarrierCodeOf(shipment.carrier), shipment.trackingNumber);
      const result = applyTrackingPush(current, push);
      if (result.tracking === current) return { accepted: true, changed: false, statusChanged: false, shipment };
      const written = await this.write(order, shipment, result);
      if (written) return { accepted: true, changed: true, statusChanged: written.status !== shipment.status, shipment: written };
    }
    throw new ConflictError(`shipment ${command.shipmentId} keeps changing; the carrier will push again`, { shipmentId: command.shipmentId });
  }

  private async write(order: OrderDocument, shipment: RoutedShipment, result: TrackingPushResult): Promise<RoutedShipment | undefined> {
    const now = this.clock.now();
    const status = shipmentStatusAfterTracking(shipment.status, result.tracking.status);
    // A signed push proves the subscription exists, whatever this process managed to record about it.
    const next: RoutedShipment = { ...shipment, status, tracking: result.tracking, trackingSubscribed: true };
    const shipments = order.shipments.map((candidate) => (candidate.shipmentId === next.shipmentId ? next : candidate));
    if (status === shipment.status) {
      return (await this.orders.update(order._id, order.version, { shipments }, [], [])) ? next : undefined;
    }

    const lines = linesOfShipments(order.lines, shipments);
    const orderStatus = statusOf(lines);
    const latest = result.tracking.timeline.at(-1);
    const timeline: TimelineEntry[] = [
      {
        at: now,
        status: `shipment-${status}`,
        note: `${shipment.shipmentId} ${status} (${shipment.carrier} ${shipment.trackingNumber})${latest ? `: ${latest.context}` : ''}`,
      },
    ];
    if (orderStatus !== order.status) timeline.push({ at: now, status: orderStatus });
    const event = tenantEvent(
      ShipmentStatusChanged,
      {
        shipmentId: next.shipmentId,
        orderId: order._id,
        warehouseId: shipmentOwner(next),
        status,
        ...(next.carrier ? { carrier: next.carrier } : {}),
        ...(next.trackingNumber ? { trackingNumber: next.trackingNumber } : {}),
        // What went wrong, in the carrier's words (疑难: 收件人电话无人接听 …).
        ...(status === 'exception' && latest ? { reason: latest.context.slice(0, 500) } : {}),
        at: now.toISOString(),
      },
      order.tenantId,
      now,
    );
    return (await this.orders.update(order._id, order.version, { shipments, lines, status: orderStatus }, timeline, [event])) ? next : undefined;
  }
}

/**
 * The push must be about this parcel: its tracking number, and its carrier unless the carrier code was
 * corrected (an `updateall` push re-identifies the carrier).
 */
function mismatchOf(shipment: RoutedShipment, push: ParsedPush): string | undefined {
  if (push.trackingNumber !== shipment.trackingNumber) return `the push is for ${push.trackingNumber}, the parcel's number is ${shipment.trackingNumber}`;
  const carrier = shipment.tracking?.carrier ?? trackingCarrierCodeOf(shipment.carrier ?? '');
  if (push.carrier !== carrier && push.pushStatus !== CARRIER_PUSH_STATUSES.updateAll)
    return `the push is for carrier ${push.carrier}, the parcel's is ${carrier}`;
  return undefined;
}
