import { JD_RESULT_CODES, type JdEnvelope } from '@supply-hub/supplier-protocols';
import type { z } from 'zod';
import { jsonResponse, type SandboxResponse, textResponse } from '../http/sandbox-response';
import type { FaultAnswers } from '../simulation/sandbox-gate';

export function jdOk(result: unknown): SandboxResponse {
  const envelope: JdEnvelope = { success: true, resultCode: JD_RESULT_CODES.success, resultMessage: '操作成功', result };
  return jsonResponse(envelope);
}

/** A refusal in JD's own envelope: HTTP 200, success false, the protocol's result code. */
export function jdFail(resultCode: string, resultMessage: string, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  const envelope: JdEnvelope = { success: false, resultCode, resultMessage, result: null };
  return jsonResponse(envelope, status, headers);
}

/** A refusal that still carries a result: submitOrder's 0008 (this thirdOrder exists) answers with that order. */
export function jdFailWith(resultCode: string, resultMessage: string, result: unknown): SandboxResponse {
  const envelope: JdEnvelope = { success: false, resultCode, resultMessage, result };
  return jsonResponse(envelope);
}

/** The first problem of a form, as JD words a bad parameter. */
export function jdBadParameter(error: z.ZodError): SandboxResponse {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'form';
  const missing = issue?.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  return jdFail(JD_RESULT_CODES.invalidParameter, missing ? `参数错误: 缺少 ${field}` : `参数错误: ${field} ${issue?.message ?? ''}`.trim());
}

/**
 * Faults in JD's words: over the rate limit a 429 with Retry-After and result code 5001; a platform
 * failure one of three real-looking 5xx answers (JSON envelope, a proxy's HTML page, plain text).
 */
export function jdFaultAnswers(choose: (n: number) => number): FaultAnswers {
  return {
    rateLimited: (retryAfterSeconds) => jdFail(JD_RESULT_CODES.callLimited, '调用次数超过限制，请稍后再试', 429, { 'Retry-After': String(retryAfterSeconds) }),
    failed: () => {
      switch (choose(3)) {
        case 0:
          return jdFail(JD_RESULT_CODES.systemError, '系统异常，请稍后再试', 500);
        case 1:
          return textResponse(
            '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
            'text/html',
            502,
          );
        default:
          return textResponse('Service Unavailable', 'text/plain', 503);
      }
    },
  };
}
