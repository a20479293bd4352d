import { z } from 'zod';
import { timingSafeEqual } from 'node:crypto';
import { hmacHex, md5Hex } from '../common/digest';

export const TAOBAO_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;
export const taobaoSignMethodSchema = z.enum(TAOBAO_SIGN_METHODS);
export type TaobaoSignMethod = z.infer<typeof taobaoSignMethodSchema>;

/** A request parameter as callers hold it; numbers and booleans are signed as their decimal text. */
export type TaobaoParamValue = string | number | boolean | null | undefined;
export type TaobaoParams = Record<string, TaobaoParamValue>;

/**
 * The signed text: every parameter except `sign` and empty values, sorted by name in ASCII order, each
 * written as name + value with no separators. (File fields are never in TaobaoParams: uploads are not
 * part of catalog work.)
 */
export function taobaoSignBase(params: TaobaoParams): string {
  return (
    Object.keys(params)
      .filter((name) => name !== 'sign' && !isEmpty(params[name]))
      // Default sort compares UTF-16 code units, which is ASCII order for the ASCII names TOP uses.
      .sort()
      .map((name) => name + String(params[name]))
      .join('')
  );
}

/**
 * `sign` for the given parameters: md5 = MD5(secret + base + secret), hmac = HMAC-MD5(secret, base),
 * hmac-sha256 = HMAC-SHA256(secret, base); upper-case hex. `params` must already hold the
 * `sign_method` it is signed with, since that parameter is part of the signed text.
 */
export function taobaoSign(params: TaobaoParams, secret: string, signMethod: TaobaoSignMethod): string {
  const base = taobaoSignBase(params);
  switch (signMethod) {
    case 'md5':
      return md5Hex(secret + base + secret).toUpperCase();
    case 'hmac':
      return hmacHex('md5', secret, base).toUpperCase();
    case 'hmac-sha256':
      return hmacHex('sha256', secret, base).toUpperCase();
  }
}

/** Whether a request's `sign` matches its parameters, with the `sign_method` it names (sandboxes use this). */
export function verifyTaobaoSign(params: TaobaoParams, secret: string): boolean {
  const method = taobaoSignMethodSchema.safeParse(params['sign_method'] ?? 'md5');
  if (!method.success || typeof params['sign'] !== 'string') return false;
  const given = Buffer.from(params['sign'].toUpperCase());
  const expected = Buffer.from(taobaoSign(params, secret, method.data));
  // Constant-time, so a caller cannot find a signature byte by byte from response times.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isEmpty(value: TaobaoParamValue): boolean {
  return value === undefined || value === null || value === '';
}
