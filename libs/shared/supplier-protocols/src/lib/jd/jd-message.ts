import { z } from 'zod';
import { jdSkuIdSchema } from './jd-product';

/** message/get `type` values. There is no stock-change type: stock is polled. */
export const JD_MESSAGE_TYPES = {
  priceChanged: 2,
  listingChanged: 4,
  orderDelivered: 5,
  poolChanged: 6,
  orderCancelled: 10,
  productChanged: 16,
  orderCreated: 25,
  areaChanged: 50,
} as const;

export type JdMessageType = (typeof JD_MESSAGE_TYPES)[keyof typeof JD_MESSAGE_TYPES];

/** The message types catalog sync consumes: each names a SKU to fetch again. */
export const JD_CATALOG_MESSAGE_TYPES: readonly JdMessageType[] = [
  JD_MESSAGE_TYPES.priceChanged,
  JD_MESSAGE_TYPES.listingChanged,
  JD_MESSAGE_TYPES.poolChanged,
  JD_MESSAGE_TYPES.productChanged,
];

/** message/get form: `type` is a comma-separated list of message types. */
export const jdMessageGetFormSchema = z.object({ token: z.string().min(1), type: z.string().regex(/^\d+(,\d+)*$/, 'must be comma-separated message types') });
export type JdMessageGetForm = z.infer<typeof jdMessageGetFormSchema>;

/** message/del form: `id` is one message id or several, comma-separated. */
export const jdMessageDelFormSchema = z.object({
  token: z.string().min(1),
  id: z.string().regex(/^[^,\s]+(,[^,\s]+)*$/, 'must be comma-separated message ids'),
});
export type JdMessageDelForm = z.infer<typeof jdMessageDelFormSchema>;

export const jdMessageSchema = z.object({
  id: z.string().min(1),
  type: z.number().int(),
  /** Beijing time `yyyy-MM-dd HH:mm:ss`. */
  time: z.string(),
  /** Shape depends on `type`: see the jd*MessageResultSchema below. */
  result: z.record(z.string(), z.unknown()),
});
export type JdMessage = z.infer<typeof jdMessageSchema>;
export const jdMessageGetResultSchema = z.array(jdMessageSchema);

/** message/del answers `result: true` when the ids were deleted. */
export const jdMessageDelResultSchema = z.boolean();

/** Types 2 (price) and 16 (description or spec). */
export const jdSkuMessageResultSchema = z.object({ skuId: jdSkuIdSchema });

/** Type 4: `state` 1 listed, 0 delisted. */
export const jdListingMessageResultSchema = z.object({ skuId: jdSkuIdSchema, state: z.number().int() });

/** Type 6 `state`: (unsure) 1 added to the pool, 2 removed from it. */
export const JD_POOL_MESSAGE_STATES = { added: 1, removed: 2 } as const;
export const jdPoolMessageResultSchema = z.object({ skuId: jdSkuIdSchema, page_num: z.string(), state: z.number().int() });

/** The message types drop-ship consumes: its orders delivered (妥投) or rejected (拒收). */
export const JD_ORDER_MESSAGE_TYPES: readonly JdMessageType[] = [JD_MESSAGE_TYPES.orderDelivered];

/** Type 5 `state`: 1 delivered (妥投), 2 rejected (拒收); the same values as selectJdOrder's `state`. */
export const JD_ORDER_MESSAGE_STATES = { delivered: 1, rejected: 2 } as const;

/** Type 5: `orderId` is the jdOrderId. */
export const jdOrderMessageResultSchema = z.object({ orderId: z.number().int().positive(), state: z.number().int() });
export type JdOrderMessageResult = z.infer<typeof jdOrderMessageResultSchema>;

/** Type 10: an order was cancelled. */
export const jdOrderCancelledMessageResultSchema = z.object({ orderId: z.number().int().positive() });
