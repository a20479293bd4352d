import { z } from 'zod';
import { beijingTimeSchema, parseBeijingTime } from '../common/beijing-time';
import { jsonTextSchema } from './carrier-json';
import { carrierStateSchema } from './carrier-states';

/** `status` of a push: how the subscription stands, not the parcel. */
export const CARRIER_PUSH_STATUSES = {
  /** Being followed; more pushes will come. */
  polling: 'polling',
  /** Finished (signed for, returned): the last push. */
  shutdown: 'shutdown',
  /** Given up (no record for 3 days, or no change for 60): subscribe again later to keep following. */
  abort: 'abort',
  /** The whole history sent again (e.g. after the carrier code was corrected). */
  updateAll: 'updateall',
} as const;
export type CarrierPushStatus = (typeof CARRIER_PUSH_STATUSES)[keyof typeof CARRIER_PUSH_STATUSES];

/** `yyyy-MM-dd HH:mm:ss` Beijing time that names a real instant (2026-02-30 is refused). */
export const carrierTimeSchema = beijingTimeSchema.refine((text) => {
  try {
    parseBeijingTime(text);
    return true;
  } catch {
    return false;
  }
}, 'must be a real Beijing time');

/** One checkpoint of `lastResult.data`. */
export const carrierCheckpointSchema = z.object({
  /** What happened, in the carrier's words: `【深圳市】已揽收`. */
  context: z.string(),
  /** When, Beijing time. */
  time: carrierTimeSchema,
  /** The same time formatted (identical in practice). */
  ftime: carrierTimeSchema,
  /** The state's Chinese name (在途, 揽收 …; see CARRIER_STATE_NAMES). */
  status: z.string(),
  /** With `resultv2=1`: the area code (`CN440300000000`) and name (`广东,深圳市`). */
  areaCode: z.string().optional(),
  areaName: z.string().optional(),
});
export type CarrierCheckpoint = z.infer<typeof carrierCheckpointSchema>;

export const carrierLastResultSchema = z.object({
  /** Carrier code. */
  com: z.string().min(1),
  /** Tracking number. */
  nu: z.string().min(1),
  /** State after the newest checkpoint: CARRIER_STATES. */
  state: carrierStateSchema,
  /** '1' once the shipment is finished (signed for or returned), else '0'. */
  ischeck: z.enum(['0', '1']),
  /** The whole history so far, newest first. */
  data: z.array(carrierCheckpointSchema),
  message: z.string().optional(),
});
export type CarrierLastResult = z.infer<typeof carrierLastResultSchema>;

/** The JSON in a push's `param` field. */
export const carrierPushParamSchema = z.object({
  status: z.enum([CARRIER_PUSH_STATUSES.polling, CARRIER_PUSH_STATUSES.shutdown, CARRIER_PUSH_STATUSES.abort, CARRIER_PUSH_STATUSES.updateAll]),
  /** Why (`3天查询无记录` on abort); often empty. */
  message: z.string(),
  lastResult: carrierLastResultSchema,
});
export type CarrierPushParam = z.infer<typeof carrierPushParamSchema>;

/** `param` as the form carries it: JSON text, parsed and checked. */
export const carrierPushParamTextSchema = jsonTextSchema(carrierPushParamSchema);

/**
 * The push itself, a form POST to the subscription's callback URL. `param` stays text here: `sign`
 * covers its exact bytes, so it is verified before it is parsed.
 */
export const carrierCallbackFormSchema = z.object({
  param: z.string().min(1, 'must not be empty'),
  /** Present only when the subscription gave a salt. */
  sign: z.string().optional(),
});
export type CarrierCallbackForm = z.infer<typeof carrierCallbackFormSchema>;

/** The answer the carrier waits for; anything else makes it retry the push. */
export const CARRIER_PUSH_ACK = { result: true, returnCode: '200', message: '成功' } as const;

export const carrierPushAnswerSchema = z.object({ result: z.boolean(), returnCode: z.string(), message: z.string().optional() });
export type CarrierPushAnswer = z.infer<typeof carrierPushAnswerSchema>;

/** A receiver's refusal (bad signature, unreadable push): any answer but the ack; the carrier retries. */
export function carrierPushRefusal(message: string): CarrierPushAnswer {
  return { result: false, returnCode: '500', message };
}

/**
 * Whether the receiver took a push (the sandbox decides its retries with this). (unsure) Read as: a 2xx
 * HTTP status and a JSON body with `result: true` and `returnCode: "200"`, whatever the message says.
 */
export function isCarrierPushAcknowledged(httpStatus: number, body: string): boolean {
  if (httpStatus < 200 || httpStatus > 299) return false;
  try {
    const answer = carrierPushAnswerSchema.safeParse(JSON.parse(body));
    return answer.success && answer.data.result === true && answer.data.returnCode === CARRIER_PUSH_ACK.returnCode;
  } catch {
    return false;
  }
}
