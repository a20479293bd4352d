import { z } from 'zod';
import { fuluOrderStateSchema } from './fulu-answer';
import { fuluSign, verifyFuluSign } from './fulu-sign';

/** What a receiver answers when it took a notify; anything else and the provider retries. */
export const FULU_NOTIFY_ACK = 'success';

/** The JSON body the provider POSTs to the app's callback URL when an order ends. */
export const fuluNotifySchema = z.object({
  order_id: z.string().min(1),
  customer_order_no: z.string().min(1),
  order_status: fuluOrderStateSchema,
  charge_finish_time: z.string().nullish(),
  recharge_description: z.string().nullish(),
  product_id: z.string().nullish(),
  buy_num: z.number().int().nullish(),
  operator_serial_number: z.string().nullish(),
  sign: z.string(),
});
export type FuluNotify = z.infer<typeof fuluNotifySchema>;

/** A notify body, signed like a request (the same fuluSign over every field but `sign`). */
export function fuluNotifyBody(fields: Omit<FuluNotify, 'sign'>, appSecret: string): FuluNotify {
  return { ...fields, sign: fuluSign(fields, appSecret) };
}

export type FuluNotifyReading = { ok: true; notify: FuluNotify } | { ok: false; reason: 'not-json' | 'bad-sign' | 'bad-fields'; detail?: string };

/**
 * A received notify: the signature first, over the fields exactly as received (re-serialised by
 * fuluSign, so extra fields count too), only then the schema.
 */
export function readFuluNotify(body: string, appSecret: string): FuluNotifyReading {
  let fields: unknown;
  try {
    fields = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return { ok: false, reason: 'not-json' };
  if (!verifyFuluSign(fields as Record<string, unknown>, appSecret)) return { ok: false, reason: 'bad-sign' };
  const notify = fuluNotifySchema.safeParse(fields);
  if (!notify.success) {
    const issue = notify.error.issues[0];
    return { ok: false, reason: 'bad-fields', detail: issue ? `${issue.path.join('.')}: ${issue.message}` : undefined };
  }
  return { ok: true, notify: notify.data };
}
