import { z } from 'zod';

/** Top-level `code` of an error_response. */
export const TAOBAO_ERROR_CODES = {
  callLimited: 7,
  insufficientPermission: 11,
  remoteServiceError: 15,
  /** No such API method (TOP's platform code 22). */
  invalidMethod: 22,
  invalidSignature: 25,
  invalidSession: 27,
  invalidAppKey: 29,
  invalidTimestamp: 31,
  missingParameter: 40,
  invalidParameter: 41,
} as const;

export type TaobaoErrorCode = (typeof TAOBAO_ERROR_CODES)[keyof typeof TAOBAO_ERROR_CODES];

/**
 * `sub_code`s the sandbox answers with. Prefix `isp.` is the platform's fault (retry later), `isv.` the
 * caller's (fix the request); code 7 carries `accesscontrol.limited-by-app-access-count`.
 */
export const TAOBAO_SUB_CODES = {
  remoteServiceError: 'isp.remote-service-error',
  remoteServiceTimeout: 'isp.remote-service-timeout',
  itemServiceUnavailable: 'isp.item-service-unavailable',
  missingParameter: 'isv.missing-parameter',
  invalidParameter: 'isv.invalid-parameter',
  itemNotExist: 'isv.item-not-exist',
  invalidPermission: 'isv.invalid-permission',
  pageLimitExceeded: 'isv.page-limit-exceeded',
  appCallLimited: 'accesscontrol.limited-by-app-access-count',
} as const;

export const taobaoErrorSchema = z.object({
  code: z.number().int(),
  msg: z.string(),
  sub_code: z.string().optional(),
  sub_msg: z.string().optional(),
  request_id: z.string().optional(),
});
export type TaobaoError = z.infer<typeof taobaoErrorSchema>;

export const taobaoErrorResponseSchema = z.object({ error_response: taobaoErrorSchema });
export type TaobaoErrorResponse = z.infer<typeof taobaoErrorResponseSchema>;

/** Worth trying again unchanged later: the platform failed (isp.*) or the call limit was hit (7). */
export function isTaobaoRetryableError(error: Pick<TaobaoError, 'code' | 'sub_code'>): boolean {
  return error.code === TAOBAO_ERROR_CODES.callLimited || (error.sub_code?.startsWith('isp.') ?? false);
}
