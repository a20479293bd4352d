import { z } from 'zod';
import { jsonTextSchema } from './carrier-json';

/** The sandbox serves the subscription under `/carrier/` + this path (the real service: `https://poll.kuaidi100.com/poll`). */
export const CARRIER_SUBSCRIBE_PATH = 'poll/subscribe';

/**
 * `parameters.resultv2`: 0 (or absent) plain checkpoints, 1 adds `areaCode` / `areaName` to each, 4 adds
 * sub-states (unsure: values other than 0 and 1 are not used by the sandbox).
 */
export const CARRIER_RESULT_V2 = { plain: '0', withArea: '1', withSubStates: '4' } as const;

/** `param` of the subscribe call. */
export const carrierSubscribeParamSchema = z.object({
  /** Carrier code, lower case (shunfeng, yuantong, zhongtong, jd, ems …). */
  company: z.string().regex(/^[a-z0-9]{1,30}$/, 'must be a lower-case carrier code'),
  /** Tracking number (运单号). */
  number: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'must be 1 to 32 letters, digits or dashes'),
  /** The subscriber's authorization key. */
  key: z.string().min(1, 'must not be empty'),
  parameters: z.object({
    /** Where the pushes go (HTTP form POST). */
    callbackurl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
    /** When given, each push carries `sign` = carrierPushSign(param, salt). */
    salt: z.string().min(1).max(64).optional(),
    resultv2: z.enum([CARRIER_RESULT_V2.plain, CARRIER_RESULT_V2.withArea, CARRIER_RESULT_V2.withSubStates]).optional(),
    /** Recipient's phone, which some carriers (顺丰) require; never logged. */
    phone: z.string().optional(),
  }),
});
export type CarrierSubscribeParam = z.infer<typeof carrierSubscribeParamSchema>;

/** The subscribe call: a form POST with `schema=json` and `param` holding the JSON above. */
export const carrierSubscribeFormSchema = z.object({
  schema: z.literal('json'),
  param: jsonTextSchema(carrierSubscribeParamSchema),
});
export type CarrierSubscribeForm = z.input<typeof carrierSubscribeFormSchema>;

/** The form fields of a subscribe call (both strings, as they go on the wire). */
export function carrierSubscribeForm(param: CarrierSubscribeParam): { schema: 'json'; param: string } {
  return { schema: 'json', param: JSON.stringify(param) };
}

/**
 * `returnCode` of the subscribe answer. 200 is from the protocol notes; the others are (unsure), the
 * sandbox's reading of the public documentation: 501 duplicate subscription (the number is already
 * followed, which a caller treats as done), 600 unknown key, 700 bad subscription data (missing or
 * malformed company, number or callback URL), 500 the service's own failure (try later).
 */
export const CARRIER_SUBSCRIBE_RETURN_CODES = {
  accepted: '200',
  duplicate: '501',
  serverError: '500',
  invalidKey: '600',
  badParameter: '700',
} as const;

export const CARRIER_SUBSCRIBE_MESSAGES: Readonly<Record<keyof typeof CARRIER_SUBSCRIBE_RETURN_CODES, string>> = {
  accepted: '提交成功',
  duplicate: '重复订阅',
  serverError: '服务器错误',
  invalidKey: '您不是合法的订阅者（授权 key 错误）',
  badParameter: '订阅的数据存在错误（快递公司、单号或回调地址）',
};

export const carrierSubscribeAnswerSchema = z.object({ result: z.boolean(), returnCode: z.string(), message: z.string() });
export type CarrierSubscribeAnswer = z.infer<typeof carrierSubscribeAnswerSchema>;

export type CarrierSubscribeOutcome = 'accepted' | 'already-subscribed' | 'retry-later' | 'refused';

/**
 * What a subscriber does with an answer, decided in one place: 200 and 501 both mean the number is
 * followed; 500 is worth trying again later; anything else needs the request or configuration fixed.
 */
export function carrierSubscribeOutcome(answer: Pick<CarrierSubscribeAnswer, 'returnCode'>): CarrierSubscribeOutcome {
  switch (answer.returnCode) {
    case CARRIER_SUBSCRIBE_RETURN_CODES.accepted:
      return 'accepted';
    case CARRIER_SUBSCRIBE_RETURN_CODES.duplicate:
      return 'already-subscribed';
    case CARRIER_SUBSCRIBE_RETURN_CODES.serverError:
      return 'retry-later';
    default:
      return 'refused';
  }
}
