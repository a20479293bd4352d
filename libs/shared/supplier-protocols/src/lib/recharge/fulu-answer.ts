import { z } from 'zod';
import { jsonTextSchema } from '../carrier/carrier-json';
import { fuluSign } from './fulu-sign';

/**
 * `code` of a gateway answer. 0 (accepted) is from the protocol notes; the others are (unsure), the
 * sandbox's reading of the public documentation. Adapters decide with FULU_ANSWER_CODES.duplicateOrder,
 * .orderNotFound and isFuluBusy only, so checking them against a live account is one edit here.
 */
export const FULU_ANSWER_CODES = {
  accepted: 0,
  missingParameter: 1001,
  invalidParameter: 1002,
  invalidAppKey: 1003,
  invalidSignature: 1004,
  invalidTimestamp: 1005,
  invalidMethod: 1006,
  productNotFound: 2001,
  invalidAccount: 2002,
  insufficientBalance: 2003,
  /** A customer_order_no this app has used before: the repeat is refused, the first order stands. */
  duplicateOrder: 3001,
  /** fulu.order.info.get: no order with this customer_order_no. */
  orderNotFound: 3002,
  tooFrequent: 4001,
  systemBusy: 5000,
} as const;

export const FULU_ANSWER_MESSAGES: Readonly<Record<keyof typeof FULU_ANSWER_CODES, string>> = {
  accepted: '成功',
  missingParameter: '缺少必要参数',
  invalidParameter: '参数格式错误',
  invalidAppKey: 'app_key 无效',
  invalidSignature: '签名错误',
  invalidTimestamp: '时间戳无效或已过期',
  invalidMethod: '不支持的接口',
  productNotFound: '商品不存在或已下架',
  invalidAccount: '充值账号格式错误',
  insufficientBalance: '账户余额不足',
  duplicateOrder: '外部订单号重复',
  orderNotFound: '订单不存在',
  tooFrequent: '请求过于频繁',
  systemBusy: '系统繁忙，请稍后再试',
};

/** The platform's own trouble ("busy", "too many calls"): the request may or may not have been taken. */
export function isFuluBusy(code: number): boolean {
  return code === FULU_ANSWER_CODES.systemBusy || code === FULU_ANSWER_CODES.tooFrequent;
}

/** Every gateway answer; `result` is JSON text of the method's result when `code` is 0. */
export const fuluAnswerSchema = z.object({
  code: z.number().int(),
  message: z.string().nullish(),
  result: z.string().nullish(),
  sign: z.string().nullish(),
});
export type FuluAnswer = z.infer<typeof fuluAnswerSchema>;

/** An answer as the gateway sends it. (unsure) `sign` read as fuluSign over code, message and result. */
export function fuluAnswer(code: number, message: string, result: unknown, appSecret: string): FuluAnswer {
  const unsigned = { code, message, result: result === undefined ? '' : JSON.stringify(result) };
  return { ...unsigned, sign: fuluSign(unsigned, appSecret) };
}

/** `order_state`: untreated and processing are not final; success and failed are. */
export const FULU_ORDER_STATES = { success: 'success', processing: 'processing', failed: 'failed', untreated: 'untreated' } as const;
export type FuluOrderState = (typeof FULU_ORDER_STATES)[keyof typeof FULU_ORDER_STATES];
export const fuluOrderStateSchema = z.enum([FULU_ORDER_STATES.success, FULU_ORDER_STATES.processing, FULU_ORDER_STATES.failed, FULU_ORDER_STATES.untreated]);

/** A bought card: number, password encrypted (see decryptFuluCardPassword), valid until (Beijing time). */
export const fuluCardSchema = z.object({
  card_number: z.string().min(1),
  card_pwd: z.string().min(1),
  card_deadline: z.string().nullish(),
});
export type FuluCard = z.infer<typeof fuluCardSchema>;

/** The `result` of the add methods and of fulu.order.info.get: one order. Times are Beijing time. */
export const fuluOrderSchema = z.object({
  order_id: z.string().min(1),
  customer_order_no: z.string().min(1),
  product_id: z.string(),
  product_name: z.string().nullish(),
  charge_account: z.string().nullish(),
  buy_num: z.number().int(),
  /** 1 直充, 2 卡密, 3 话费 (unsure). */
  order_type: z.number().int().nullish(),
  /** What we pay, yuan. */
  order_price: z.number().nullish(),
  order_state: fuluOrderStateSchema,
  create_time: z.string(),
  finish_time: z.string().nullish(),
  /** Why a failed order failed (号码已停机 …), or a note on a successful one. */
  recharge_description: z.string().nullish(),
  operator_serial_number: z.string().nullish(),
  cards: z.array(fuluCardSchema).nullish(),
});
export type FuluOrder = z.infer<typeof fuluOrderSchema>;

/** `result` as it arrives: JSON text of an order. */
export const fuluOrderTextSchema = jsonTextSchema(fuluOrderSchema);

export const FULU_ORDER_TYPES = { direct: 1, card: 2, mobile: 3 } as const;
