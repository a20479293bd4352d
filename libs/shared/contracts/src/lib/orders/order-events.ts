import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

const orderId = z
  .string()
  .regex(/^ord_[0-9a-f]{20}$/)
  .describe('supply-hub order id');
const mallOrderId = z.string().min(1).max(64).describe("The mall's own order id");
const lineRef = z.object({ lineId: z.string().min(1), skuId: z.string().min(1), quantity: z.number().int().positive() });

export const orderAcceptedSchema = z.object({
  orderId,
  mallOrderId,
  lines: z
    .array(
      lineRef.extend({
        kind: z.enum(['physical', 'virtual']),
        /** The contract price per unit when the order was taken (what a refund gives back). */
        unitPriceFen: z.number().int().nonnegative().optional(),
      }),
    )
    .min(1),
  /** GB/T 2260 code of the destination's prefecture-level city. */
  cityCode: z.string().regex(/^\d{6}$/),
  /** Set when the order is a replacement parcel an after-sales case asked for. */
  replacement: z.object({ caseId: z.string().min(1), orderId: z.string().min(1), lineId: z.string().min(1) }).optional(),
});

export const OrderAccepted = defineEvent({
  type: 'supplyhub.orders.order-accepted.v1',
  topic: TOPICS.orders,
  description: "A mall's order passed validation and was stored; routing follows.",
  tenantScoped: true,
  schema: orderAcceptedSchema,
  keyOf: (data) => data.orderId,
});
export type OrderAcceptedData = EventDataOf<typeof OrderAccepted>;

export const parcelSchema = z.object({
  shipmentId: z.string().min(1),
  kind: z.enum(['warehouse', 'drop-ship']),
  warehouseId: z.string().min(1).optional(),
  supplier: z.object({ sourceId: z.string().min(1), externalId: z.string().min(1) }).optional(),
  distanceKm: z.number().nonnegative().optional(),
  lines: z.array(lineRef).min(1),
});

export const orderRoutedSchema = z.object({
  orderId,
  mallOrderId,
  parcels: z.array(parcelSchema),
  backorderedLineIds: z.array(z.string()),
  refusedLineIds: z.array(z.string()),
  virtualLineIds: z.array(z.string()),
});

export const OrderRouted = defineEvent({
  type: 'supplyhub.orders.order-routed.v1',
  topic: TOPICS.orders,
  description: "An order's physical lines were given to warehouses or drop-ship suppliers (stock reserved), or backordered / refused.",
  tenantScoped: true,
  schema: orderRoutedSchema,
  keyOf: (data) => data.orderId,
});
export type OrderRoutedData = EventDataOf<typeof OrderRouted>;

export const OrderCancelled = defineEvent({
  type: 'supplyhub.orders.order-cancelled.v1',
  topic: TOPICS.orders,
  description: 'An order was cancelled before dispatch; its reservations were released.',
  tenantScoped: true,
  schema: z.object({ orderId, mallOrderId, reason: z.string().min(1).max(500) }),
  keyOf: (data) => data.orderId,
});
export type OrderCancelledData = EventDataOf<typeof OrderCancelled>;
