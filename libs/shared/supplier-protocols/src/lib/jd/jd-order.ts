import { z } from 'zod';
import { beijingTimeSchema } from '../common/beijing-time';
import { jdAreaIdFieldSchema } from './jd-area';
import { JD_MAX_SKUS_PER_ORDER } from './jd-paths';
import { jdSkuIdSchema } from './jd-product';

const tokenField = { token: z.string().min(1) };
const decimal = z.string().regex(/^\d+$/, 'must be a decimal number');

/**
 * JD order ids are JSON numbers of 12 digits or so (well inside 2^53); some answers carry them as
 * decimal strings. Read either way, kept as a number.
 */
export const jdOrderIdSchema = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);

/** `thirdOrder`: our own order id, the key submitOrder is idempotent on. It must never change on retry. */
export const jdThirdOrderSchema = z.string().min(1).max(64);

/** submitState: 0 = reserve stock, confirm later with confirmOrder (the order is "unconfirmed" until then); 1 = confirmed at once. */
export const JD_SUBMIT_STATES = { reserve: '0', direct: '1' } as const;

/** selectJdOrder `state`: the order's delivery state. 1 妥投 (delivered), 2 拒收 (rejected at the door). */
export const JD_ORDER_STATES = { new: 0, delivered: 1, rejected: 2 } as const;

/** selectJdOrder `orderState`: 1 valid, 0 cancelled. (unsure) */
export const JD_ORDER_VALIDITY = { cancelled: 0, valid: 1 } as const;

/**
 * Invoice and payment fields of submitOrder (unsure: values as open-source integrations send them):
 * invoiceState 1 with the goods, 2 collected per period (集中开票), 3 in advance; invoiceType 1 plain,
 * 2 VAT, 3 electronic; selectedInvoiceTitle 4 a person, 5 a company (then companyName is required);
 * invoiceContent 1 itemised (明细); paymentType 4 prepaid balance (预存款), with isUseBalance 1.
 */
export const JD_INVOICE_STATES = ['1', '2', '3'] as const;
export const JD_INVOICE_TYPES = ['1', '2', '3'] as const;
export const JD_INVOICE_TITLES = { person: '4', company: '5' } as const;
export const JD_PAYMENT_TYPES = { prepaidBalance: '4' } as const;

/** One line of submitOrder's `sku`: JD SKU id, units, and the agreement price in yuan we expect to pay. */
export const jdOrderSkuSchema = z.object({ skuId: jdSkuIdSchema, num: z.number().int().positive(), price: z.number().nonnegative().optional() });
export type JdOrderSku = z.infer<typeof jdOrderSkuSchema>;

/** submitOrder's `sku` field: a JSON array of 1 to 50 lines. */
export const jdOrderSkuFieldSchema = z.string().refine((value) => {
  try {
    return z.array(jdOrderSkuSchema).min(1).max(JD_MAX_SKUS_PER_ORDER).safeParse(JSON.parse(value)).success;
  } catch {
    return false;
  }
}, `must be a JSON array of 1 to ${JD_MAX_SKUS_PER_ORDER} {skuId, num, price}`);

/** The lines of a valid `sku` field. */
export function readJdOrderSkus(field: string): JdOrderSku[] {
  return z.array(jdOrderSkuSchema).parse(JSON.parse(field));
}

// order/submitOrder.
export const jdSubmitOrderFormSchema = z
  .object({
    ...tokenField,
    thirdOrder: jdThirdOrderSchema,
    sku: jdOrderSkuFieldSchema,
    /** Recipient. */
    name: z.string().min(1).max(50),
    province: jdAreaIdFieldSchema,
    city: jdAreaIdFieldSchema,
    county: jdAreaIdFieldSchema,
    town: jdAreaIdFieldSchema.optional(),
    address: z.string().min(1).max(200),
    mobile: z.string().regex(/^1\d{10}$/, 'must be an 11-digit mainland mobile number'),
    email: z.string().optional(),
    zip: z.string().optional(),
    remark: z.string().max(200).optional(),
    invoiceState: z.enum(JD_INVOICE_STATES),
    invoiceType: z.enum(JD_INVOICE_TYPES),
    selectedInvoiceTitle: z.enum([JD_INVOICE_TITLES.person, JD_INVOICE_TITLES.company]),
    companyName: z.string().optional(),
    invoiceContent: decimal,
    paymentType: decimal,
    isUseBalance: z.enum(['0', '1']).optional(),
    submitState: z.enum([JD_SUBMIT_STATES.reserve, JD_SUBMIT_STATES.direct]),
  })
  .refine((form) => form.selectedInvoiceTitle !== JD_INVOICE_TITLES.company || !!form.companyName, {
    message: 'is required when selectedInvoiceTitle is 5 (a company)',
    path: ['companyName'],
  });
export type JdSubmitOrderForm = z.infer<typeof jdSubmitOrderFormSchema>;

/** A line of an order as JD answers it: its own agreement price (yuan) and name. */
export const jdOrderSkuResultSchema = z.object({ skuId: jdSkuIdSchema, num: z.number().int().positive(), price: z.number(), name: z.string().optional() });

/**
 * submitOrder's `result`, also carried by a 0008 answer (this thirdOrder exists: the existing order).
 * Prices in yuan.
 */
export const jdSubmitOrderResultSchema = z.object({
  jdOrderId: jdOrderIdSchema,
  freight: z.number(),
  orderPrice: z.number(),
  sku: z.array(jdOrderSkuResultSchema),
});
export type JdSubmitOrderResult = z.infer<typeof jdSubmitOrderResultSchema>;

// order/selectJdOrderIdByThirdOrder: the jdOrderId a thirdOrder got; 3101 when it got none.
export const jdSelectJdOrderIdByThirdOrderFormSchema = z.object({ ...tokenField, thirdOrder: jdThirdOrderSchema });
export const jdSelectJdOrderIdByThirdOrderResultSchema = jdOrderIdSchema;

/** confirmOrder, cancel, selectJdOrder and orderTrack take one jdOrderId. */
export const jdOrderIdFormSchema = z.object({ ...tokenField, jdOrderId: decimal });
export type JdOrderIdForm = z.infer<typeof jdOrderIdFormSchema>;

/** order/confirmOrder answers `result: true`; 3103 when it was confirmed before (not an error for us). */
export const jdConfirmOrderResultSchema = z.boolean();
/** order/cancel answers `result: true`; only an unconfirmed order can be cancelled (3102 otherwise). */
export const jdCancelOrderResultSchema = z.boolean();

// order/selectJdOrder.
export const jdOrderDetailSchema = z.object({
  jdOrderId: jdOrderIdSchema,
  /** See JD_ORDER_STATES. */
  state: z.number().int(),
  /** 0 unconfirmed, 1 confirmed. */
  submitState: z.number().int(),
  /** See JD_ORDER_VALIDITY. */
  orderState: z.number().int(),
  freight: z.number(),
  orderPrice: z.number(),
  sku: z.array(jdOrderSkuResultSchema),
  /** (unsure) The sandbox echoes the thirdOrder; a live account may not. */
  thirdOrder: z.string().optional(),
});
export type JdOrderDetail = z.infer<typeof jdOrderDetailSchema>;

// order/orderTrack.
export const jdTrackEntrySchema = z.object({
  /** Beijing time. */
  msgTime: beijingTimeSchema,
  content: z.string(),
  operator: z.string(),
});
export type JdTrackEntry = z.infer<typeof jdTrackEntrySchema>;

export const jdOrderTrackResultSchema = z.object({ jdOrderId: jdOrderIdSchema, orderTrack: z.array(jdTrackEntrySchema) });
export type JdOrderTrack = z.infer<typeof jdOrderTrackResultSchema>;

/** What a track entry says about the parcel, when it says something the mall cares about. */
export type JdTrackMilestone = 'dispatched' | 'out-for-delivery' | 'delivered' | 'rejected';

/**
 * The words of the track entries that move a parcel, first match wins. JD has no "dispatched" state
 * (selectJdOrder knows new, delivered, rejected), so leaving the warehouse is recognised by its words:
 * 发货完成 (handed to the line haul), 已出库, 已发货; not 准备出库 (waiting to leave). (unsure) The
 * phrases of a live account; the sandbox writes these.
 */
export const JD_TRACK_MILESTONE_PHRASES: readonly (readonly [JdTrackMilestone, readonly string[]])[] = [
  ['delivered', ['妥投']],
  ['rejected', ['拒收']],
  ['out-for-delivery', ['配送员开始配送', '正在为您派件']],
  ['dispatched', ['发货完成', '已出库', '已发货']],
];

export function jdTrackMilestoneOf(entry: Pick<JdTrackEntry, 'content'>): JdTrackMilestone | undefined {
  return JD_TRACK_MILESTONE_PHRASES.find(([, phrases]) => phrases.some((phrase) => entry.content.includes(phrase)))?.[0];
}

/** The entry that says the parcel left JD's warehouse. */
export function isJdDispatchedTrackEntry(entry: Pick<JdTrackEntry, 'content'>): boolean {
  return jdTrackMilestoneOf(entry) === 'dispatched';
}
