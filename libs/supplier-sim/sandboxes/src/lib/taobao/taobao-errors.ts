import { TAOBAO_ERROR_CODES, TAOBAO_SUB_CODES, type TaobaoError } from '@supply-hub/supplier-protocols';
import { jsonResponse, type SandboxResponse } from '../http/sandbox-response';
import type { FaultAnswers } from '../simulation/sandbox-gate';

/** TOP's own wording of each top-level code. */
const MESSAGES: Record<number, string> = {
  [TAOBAO_ERROR_CODES.callLimited]: 'App Call Limited',
  [TAOBAO_ERROR_CODES.remoteServiceError]: 'Remote service error',
  [TAOBAO_ERROR_CODES.invalidMethod]: 'Invalid method',
  [TAOBAO_ERROR_CODES.invalidSignature]: 'Invalid signature',
  [TAOBAO_ERROR_CODES.invalidSession]: 'Invalid session',
  [TAOBAO_ERROR_CODES.invalidAppKey]: 'Invalid app Key',
  [TAOBAO_ERROR_CODES.invalidTimestamp]: 'Invalid timestamp',
  [TAOBAO_ERROR_CODES.missingParameter]: 'Missing required arguments',
  [TAOBAO_ERROR_CODES.invalidParameter]: 'Invalid arguments',
};

let requestCounter = 0;

/** TOP request ids look like `16k2vwr8mlfuv`: opaque, unique per call. */
export function taobaoRequestId(): string {
  requestCounter = (requestCounter + 1) % 1_000_000;
  return `${Date.now().toString(36)}${requestCounter.toString(36)}`;
}

/**
 * An error_response as the gateway sends it: HTTP 200, the problem in the body. `headers` carries
 * Retry-After for the call limit.
 */
export function taobaoError(code: number, subCode?: string, subMsg?: string, headers: Record<string, string> = {}): SandboxResponse {
  // TOP's key order: code, msg, sub_code, sub_msg, request_id.
  const error: TaobaoError = {
    code,
    msg: MESSAGES[code] ?? 'Error',
    ...(subCode ? { sub_code: subCode } : {}),
    ...(subMsg ? { sub_msg: subMsg } : {}),
    request_id: taobaoRequestId(),
  };
  return jsonResponse({ error_response: error }, 200, headers);
}

export const missingParameter = (name: string) => taobaoError(TAOBAO_ERROR_CODES.missingParameter, TAOBAO_SUB_CODES.missingParameter, `缺少必选参数: ${name}`);
export const invalidParameter = (name: string, why = '') =>
  taobaoError(TAOBAO_ERROR_CODES.invalidParameter, TAOBAO_SUB_CODES.invalidParameter, `非法参数: ${name}${why ? ` (${why})` : ''}`);

/**
 * Faults the TOP way, in-band with HTTP 200: over the limit, code 7 (and a Retry-After header as a
 * hint); a platform failure, code 15 with an isp.* sub_code.
 */
export function taobaoFaultAnswers(choose: (n: number) => number): FaultAnswers {
  const ispCodes = [TAOBAO_SUB_CODES.remoteServiceError, TAOBAO_SUB_CODES.remoteServiceTimeout, TAOBAO_SUB_CODES.itemServiceUnavailable];
  return {
    rateLimited: (seconds) =>
      taobaoError(TAOBAO_ERROR_CODES.callLimited, TAOBAO_SUB_CODES.appCallLimited, `This ban will last for ${seconds} more seconds`, {
        'Retry-After': String(seconds),
      }),
    failed: () => taobaoError(TAOBAO_ERROR_CODES.remoteServiceError, ispCodes[choose(ispCodes.length)], '服务暂时不可用，请稍后重试'),
  };
}
