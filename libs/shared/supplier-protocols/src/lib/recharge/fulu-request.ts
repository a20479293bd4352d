import { z } from 'zod';
import { beijingTimeSchema, formatBeijingTime } from '../common/beijing-time';
import { jsonTextSchema } from '../carrier/carrier-json';
import { fuluSign } from './fulu-sign';

/** The gateway's one path below the base URL (the provider spells it `getway`); every method is a field. */
export const FULU_GATEWAY_PATH = 'api/getway';

/** The methods the adapters and the sandbox speak. */
export const FULU_METHODS = {
  /** 直充: credit an account (加油卡, 视频会员, 话费 by product id). */
  directAdd: 'fulu.order.direct.add',
  /** 话费: credit a mobile number by face value, the product found from the number's operator. */
  mobileAdd: 'fulu.order.mobile.add',
  /** 卡密: buy card codes. */
  cardAdd: 'fulu.order.card.add',
  /** One order by customer_order_no. */
  infoGet: 'fulu.order.info.get',
} as const;
export type FuluMethod = (typeof FULU_METHODS)[keyof typeof FULU_METHODS];

export const FULU_SUBMIT_METHODS: readonly FuluMethod[] = [FULU_METHODS.directAdd, FULU_METHODS.mobileAdd, FULU_METHODS.cardAdd];

/** (unsure) How far a request's timestamp may be from the gateway's clock, as TOP-style gateways allow. */
export const FULU_TIMESTAMP_TOLERANCE_MS = 10 * 60 * 1000;

/** `customer_order_no`: ours, unique per purchase attempt; a repeat is refused (FULU_ANSWER_CODES.duplicateOrder). */
export const fuluCustomerOrderNoSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -');

const productId = z.string().regex(/^\d{1,20}$/, 'must be a numeric product id');
const buyNum = z.number().int('must be an integer').min(1, 'must be at least 1').max(100, 'must be at most 100');

/** biz_content of fulu.order.direct.add. */
export const fuluDirectAddBizSchema = z.object({
  customer_order_no: fuluCustomerOrderNoSchema,
  product_id: productId,
  charge_account: z.string().min(1, 'must not be empty').max(64),
  buy_num: buyNum,
});

/** biz_content of fulu.order.mobile.add: the face value in yuan, the product found from the number. */
export const fuluMobileAddBizSchema = z.object({
  customer_order_no: fuluCustomerOrderNoSchema,
  charge_phone: z.string().regex(/^1\d{10}$/, 'must be an 11-digit mainland mobile number'),
  charge_value: z.number().positive('must be a positive face value in yuan'),
});

/** biz_content of fulu.order.card.add. */
export const fuluCardAddBizSchema = z.object({ customer_order_no: fuluCustomerOrderNoSchema, product_id: productId, buy_num: buyNum });

/** biz_content of fulu.order.info.get. */
export const fuluInfoGetBizSchema = z.object({ customer_order_no: fuluCustomerOrderNoSchema });

export type FuluDirectAddBiz = z.infer<typeof fuluDirectAddBizSchema>;
export type FuluMobileAddBiz = z.infer<typeof fuluMobileAddBizSchema>;
export type FuluCardAddBiz = z.infer<typeof fuluCardAddBizSchema>;
export type FuluInfoGetBiz = z.infer<typeof fuluInfoGetBizSchema>;

/** The biz_content field of a method: JSON text holding that method's fields. */
export const FULU_BIZ_SCHEMAS = {
  [FULU_METHODS.directAdd]: jsonTextSchema(fuluDirectAddBizSchema),
  [FULU_METHODS.mobileAdd]: jsonTextSchema(fuluMobileAddBizSchema),
  [FULU_METHODS.cardAdd]: jsonTextSchema(fuluCardAddBizSchema),
  [FULU_METHODS.infoGet]: jsonTextSchema(fuluInfoGetBizSchema),
} as const;

/** The JSON body every gateway call posts. */
export const fuluRequestSchema = z.object({
  app_key: z.string().min(1, 'must not be empty'),
  method: z.string().min(1, 'must not be empty'),
  timestamp: beijingTimeSchema,
  version: z.literal('2.0'),
  format: z.literal('json'),
  charset: z.literal('utf-8'),
  sign_type: z.literal('md5'),
  /** The method's fields as a JSON string. */
  biz_content: z.string().min(1, 'must not be empty'),
  sign: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be MD5 hex'),
  app_auth_token: z.string().optional(),
});
export type FuluRequest = z.infer<typeof fuluRequestSchema>;

export interface FuluRequestInput {
  appKey: string;
  appSecret: string;
  method: FuluMethod;
  biz: FuluDirectAddBiz | FuluMobileAddBiz | FuluCardAddBiz | FuluInfoGetBiz;
  /** When the request is made (ms since epoch): the timestamp, Beijing time. */
  now: number;
}

/** A signed gateway request body. */
export function fuluRequest(input: FuluRequestInput): FuluRequest {
  const unsigned = {
    app_key: input.appKey,
    method: input.method,
    timestamp: formatBeijingTime(input.now),
    version: '2.0' as const,
    format: 'json' as const,
    charset: 'utf-8' as const,
    sign_type: 'md5' as const,
    biz_content: JSON.stringify(input.biz),
  };
  return { ...unsigned, sign: fuluSign(unsigned, input.appSecret) };
}
