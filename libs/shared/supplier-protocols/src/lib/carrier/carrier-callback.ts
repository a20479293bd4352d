import { type CarrierCallbackForm, carrierCallbackFormSchema, type CarrierPushParam, carrierPushParamTextSchema } from './carrier-push';
import { carrierPushSign, verifyCarrierPushSign } from './carrier-sign';

/** The form fields of a push for a param (the sandbox sends this; `sign` only with a salt). */
export function carrierCallbackForm(param: CarrierPushParam, salt?: string): CarrierCallbackForm {
  const text = JSON.stringify(param);
  return salt ? { param: text, sign: carrierPushSign(text, salt) } : { param: text };
}

export type CarrierCallbackRefusal = 'missing-param' | 'missing-sign' | 'bad-sign' | 'bad-param';

export type CarrierCallbackReading = { ok: true; param: CarrierPushParam; paramText: string } | { ok: false; reason: CarrierCallbackRefusal; detail?: string };

/**
 * A received push, checked in the order that matters: the signature over the raw `param` text first
 * (when the subscription has a salt), only then the JSON. A receiver answers CARRIER_PUSH_ACK on
 * `ok`, carrierPushRefusal otherwise.
 */
export function readCarrierCallback(form: Record<string, string | undefined>, salt: string | undefined): CarrierCallbackReading {
  const fields = carrierCallbackFormSchema.safeParse(form);
  if (!fields.success) return { ok: false, reason: 'missing-param' };
  const { param, sign } = fields.data;
  if (salt) {
    if (!sign) return { ok: false, reason: 'missing-sign' };
    if (!verifyCarrierPushSign(param, salt, sign)) return { ok: false, reason: 'bad-sign' };
  }
  const parsed = carrierPushParamTextSchema.safeParse(param);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'bad-param', detail: issue ? `${issue.path.join('.') || 'param'}: ${issue.message}` : undefined };
  }
  return { ok: true, param: parsed.data, paramText: param };
}
