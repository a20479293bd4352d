import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

const shipmentRef = {
  shipmentId: z.string().min(1),
  orderId: z.string().min(1),
  warehouseId: z.string().min(1),
};

export const shipmentRequestedSchema = z.object({
  ...shipmentRef,
  lines: z.array(z.object({ lineId: z.string(), skuId: z.string(), title: z.string().optional(), quantity: z.number().int().positive() })).min(1),
  recipient: z.object({
    name: z.string().min(1),
    mobile: z.string().min(1),
    province: z.string().min(1),
    city: z.string().min(1),
    district: z.string().optional(),
    address: z.string().min(1),
  }),
  /** The 48-hour dispatch promise for this parcel. */
  dispatchBy: z.iso.datetime(),
});

export const ShipmentRequested = defineEvent({
  type: 'supplyhub.orders.shipment-requested.v1',
  topic: TOPICS.shipments,
  description: 'A warehouse is asked to pick, pack and dispatch a parcel; keyed by warehouse id.',
  tenantScoped: true,
  schema: shipmentRequestedSchema,
  keyOf: (data) => data.warehouseId,
});
export type ShipmentRequestedData = EventDataOf<typeof ShipmentRequested>;

export const ShipmentStatusChanged = defineEvent({
  type: 'supplyhub.orders.shipment-status-changed.v1',
  topic: TOPICS.shipments,
  description:
    'A parcel moved: accepted, rejected (rerouted), dispatched with carrier and tracking number, in transit, out for delivery, delivered, exception, cancelled.',
  tenantScoped: true,
  schema: z.object({
    ...shipmentRef,
    status: z.enum(['requested', 'accepted', 'rejected', 'dispatched', 'in-transit', 'out-for-delivery', 'delivered', 'exception', 'cancelled']),
    carrier: z.string().optional(),
    trackingNumber: z.string().optional(),
    reason: z.string().max(500).optional(),
    at: z.iso.datetime(),
  }),
  keyOf: (data) => data.warehouseId,
});
export type ShipmentStatusChangedData = EventDataOf<typeof ShipmentStatusChanged>;

export const ShipmentSlaFlagged = defineEvent({
  type: 'supplyhub.orders.shipment-sla-flagged.v1',
  topic: TOPICS.shipments,
  description: 'A parcel not dispatched 36 h after the order is at risk of missing the 48-hour promise; at 48 h the promise is breached.',
  tenantScoped: true,
  schema: z.object({ ...shipmentRef, level: z.enum(['at-risk', 'breached']), dispatchBy: z.iso.datetime(), at: z.iso.datetime() }),
  keyOf: (data) => data.warehouseId,
});
export type ShipmentSlaFlaggedData = EventDataOf<typeof ShipmentSlaFlagged>;
