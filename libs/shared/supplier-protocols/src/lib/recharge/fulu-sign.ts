import { hexSignatureEquals, md5Hex } from '../common/digest';

/** What the 福禄-style gateway signs: a request's parameters, an answer or a notify, as JSON values. */
export type FuluSignedFields = Readonly<Record<string, unknown>>;

/**
 * `sign` of the 福禄-style gateway, the one place its serialisation lives: every field but `sign`
 * serialised with JSON.stringify (no spaces, non-ASCII as it is, `/` not escaped, as the providers'
 * SDKs serialise), the *characters* of that text sorted by UTF-16 code unit (the SDKs sort a char
 * array) and joined, the secret appended, lower-case MD5 hex of the UTF-8 bytes. Sorting the
 * characters makes key order irrelevant, but spacing, escaping and number formats still count.
 */
export function fuluSign(fields: FuluSignedFields, secret: string): string {
  const { sign: _sign, ...signed } = fields;
  const sorted = JSON.stringify(signed).split('').sort().join('');
  return md5Hex(sorted + secret);
}

/** Whether `fields.sign` matches the rest of the fields (hex case ignored, constant time). */
export function verifyFuluSign(fields: FuluSignedFields, secret: string): boolean {
  return hexSignatureEquals(fields['sign'], fuluSign(fields, secret));
}
