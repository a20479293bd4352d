import { z } from 'zod';
import { hexSignatureEquals, md5Hex } from '../common/digest';
import { JUHE_GAME_STATES } from './juhe-api';

/** What a receiver answers when it took a notify; anything else and the provider retries. */
export const JUHE_NOTIFY_ACK = 'success';

/** `sign` of a notify: lower-case MD5 hex of key + sporder_id + orderid. */
export function juheNotifySign(key: string, sporderId: string, orderid: string): string {
  return md5Hex(key + sporderId + orderid);
}

/** The form the provider POSTs when an order ends: sta 1 success, 9 failed. */
export const juheNotifyFormSchema = z.object({
  sporder_id: z.string().min(1),
  orderid: z.string().min(1),
  sta: z.enum([JUHE_GAME_STATES.success, JUHE_GAME_STATES.failed]),
  sign: z.string().min(1),
  err_msg: z.string().optional(),
});
export type JuheNotifyForm = z.infer<typeof juheNotifyFormSchema>;

/** The signed form fields of a notify (the sandbox sends these). */
export function juheNotifyForm(fields: Omit<JuheNotifyForm, 'sign'>, key: string): JuheNotifyForm {
  return { ...fields, sign: juheNotifySign(key, fields.sporder_id, fields.orderid) };
}

export type JuheNotifyReading = { ok: true; notify: JuheNotifyForm } | { ok: false; reason: 'bad-fields' | 'bad-sign'; detail?: string };

/** A received notify (the urlencoded body as text): fields, then the signature over them. */
export function readJuheNotify(body: string, key: string): JuheNotifyReading {
  const notify = juheNotifyFormSchema.safeParse(Object.fromEntries(new URLSearchParams(body)));
  if (!notify.success) {
    const issue = notify.error.issues[0];
    return { ok: false, reason: 'bad-fields', detail: issue ? `${issue.path.join('.')}: ${issue.message}` : undefined };
  }
  const { sporder_id, orderid, sign } = notify.data;
  if (!hexSignatureEquals(sign, juheNotifySign(key, sporder_id, orderid))) return { ok: false, reason: 'bad-sign' };
  return { ok: true, notify: notify.data };
}
