import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../events/event-definition';
import { TOPICS } from '../topics/topic-names';

export const VirtualLineRequested = defineEvent({
  type: 'supplyhub.orders.virtual-line-requested.v1',
  topic: TOPICS.virtualLines,
  description: 'A virtual order line (top-up, card code, coupon) to be issued by virtual-codes, exactly once per line.',
  tenantScoped: true,
  schema: z.object({
    orderId: z.string().min(1),
    lineId: z.string().min(1),
    skuId: z.string().min(1),
    quantity: z.number().int().positive(),
    /** The contract price per unit when the order was taken (what a refund gives back). */
    unitPriceFen: z.number().int().nonnegative().optional(),
    /** Where a direct top-up goes (mobile number, fuel card, member id); absent for card codes and coupons. */
    account: z.string().min(1).max(64).optional(),
  }),
  keyOf: (data) => `${data.orderId}:${data.lineId}`,
});
export type VirtualLineRequestedData = EventDataOf<typeof VirtualLineRequested>;
