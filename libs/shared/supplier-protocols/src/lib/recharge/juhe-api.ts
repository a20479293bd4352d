import { z } from 'zod';
import { md5Hex } from '../common/digest';

/** Paths below the base URL (the real service: `http://op.juhe.cn/`); both take query parameters (GET). */
export const JUHE_PATHS = { onlineOrder: 'ofpay/mobile/onlineorder', orderState: 'ofpay/mobile/ordersta' } as const;

/** `orderid`: ours, unique per purchase attempt; a repeat is refused with JUHE_ERROR_CODES.duplicateOrder. */
export const juheOrderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be 6 to 64 letters, digits, _ or -');

export interface JuheOrderSignInput {
  openId: string;
  key: string;
  phoneno: string;
  /** Face value in yuan, as sent. */
  cardnum: string;
  orderid: string;
}

/** `sign` of onlineorder: lower-case MD5 hex of openId + key + phoneno + cardnum + orderid. */
export function juheOrderSign(input: JuheOrderSignInput): string {
  return md5Hex(input.openId + input.key + input.phoneno + input.cardnum + input.orderid);
}

/** onlineorder's query parameters. `callback` is the sandbox's per-order notify URL (unsure on a live account: set in the console). */
export const juheOnlineOrderParamsSchema = z.object({
  key: z.string().min(1, 'must not be empty'),
  phoneno: z.string().regex(/^1\d{10}$/, 'must be an 11-digit mainland mobile number'),
  /** Face value in whole yuan (10, 30, 50, 100 …). */
  cardnum: z.string().regex(/^[1-9]\d{0,3}$/, 'must be a face value in whole yuan'),
  orderid: juheOrderIdSchema,
  sign: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be MD5 hex'),
  callback: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
});
export type JuheOnlineOrderParams = z.infer<typeof juheOnlineOrderParamsSchema>;

/** ordersta's query parameters. */
export const juheOrderStateParamsSchema = z.object({ orderid: juheOrderIdSchema, key: z.string().min(1, 'must not be empty') });

/**
 * `error_code` of the envelope. 0 is success; the others are (unsure), the sandbox's reading of the
 * public documentation. Adapters decide with duplicateOrder, orderNotFound and isJuheSystemError only.
 */
export const JUHE_ERROR_CODES = {
  success: 0,
  invalidKey: 10001,
  callLimited: 10012,
  systemError: 10014,
  maintenance: 10020,
  numberNotAllowed: 208501,
  operatorMaintenance: 208503,
  invalidPhone: 208505,
  invalidFaceValue: 208506,
  invalidSignature: 208507,
  invalidOrderId: 208509,
  orderNotFound: 208514,
  duplicateOrder: 208516,
} as const;

export const JUHE_ERROR_REASONS: Readonly<Record<keyof typeof JUHE_ERROR_CODES, string>> = {
  success: '订单提交成功，等待充值',
  invalidKey: '错误的请求KEY',
  callLimited: '请求超过次数限制',
  systemError: '系统内部异常',
  maintenance: '接口维护',
  numberNotAllowed: '不允许充值的手机号码及金额',
  operatorMaintenance: '运营商地区维护，暂不能充值',
  invalidPhone: '错误的手机号码',
  invalidFaceValue: '错误的充值金额',
  invalidSignature: '校验值sign错误',
  invalidOrderId: '错误的订单号',
  orderNotFound: '订单不存在',
  duplicateOrder: '订单号重复',
};

/** The platform's own trouble (10xxx but a bad key): the request may or may not have been carried out. */
export function isJuheSystemError(code: number): boolean {
  return code === JUHE_ERROR_CODES.callLimited || code === JUHE_ERROR_CODES.systemError || code === JUHE_ERROR_CODES.maintenance;
}

/** Every answer: `result` is the method's own shape when error_code is 0, else null. */
export const juheEnvelopeSchema = z.object({ reason: z.string(), result: z.unknown().nullish(), error_code: z.number().int() });
export type JuheEnvelope = z.infer<typeof juheEnvelopeSchema>;

/** `game_state`: 0 in progress, 1 success, 9 failed; a string on the wire, a number from some versions. */
export const JUHE_GAME_STATES = { processing: '0', success: '1', failed: '9' } as const;
export const juheGameStateSchema = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.enum([JUHE_GAME_STATES.processing, JUHE_GAME_STATES.success, JUHE_GAME_STATES.failed]));

const text = z.union([z.string(), z.number()]).transform(String);

/** onlineorder's `result`. */
export const juheOnlineOrderResultSchema = z.object({
  cardid: text,
  cardnum: text,
  /** What we pay, yuan. */
  ordercash: z.union([z.number(), z.string()]),
  cardname: z.string(),
  /** The provider's order id. */
  sporder_id: z.string().min(1),
  /** Our orderid. */
  uorderid: z.string().min(1),
  game_userid: z.string(),
  game_state: juheGameStateSchema,
});
export type JuheOnlineOrderResult = z.input<typeof juheOnlineOrderResultSchema>;

/** ordersta's `result`. `err_msg` (unsure) says why a failed order failed. */
export const juheOrderStateResultSchema = z.object({
  uordercash: z.union([z.number(), z.string()]),
  sporder_id: z.string().min(1),
  game_state: juheGameStateSchema,
  err_msg: z.string().nullish(),
});
export type JuheOrderStateResult = z.input<typeof juheOrderStateResultSchema>;
