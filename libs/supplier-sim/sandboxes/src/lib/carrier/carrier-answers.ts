import { CARRIER_SUBSCRIBE_MESSAGES, CARRIER_SUBSCRIBE_RETURN_CODES, type CarrierSubscribeAnswer } from '@supply-hub/supplier-protocols';
import { jsonResponse, type SandboxResponse, textResponse } from '../http/sandbox-response';
import type { FaultAnswers } from '../simulation/sandbox-gate';

type Outcome = keyof typeof CARRIER_SUBSCRIBE_RETURN_CODES;

/** The subscribe answer: HTTP 200 with the outcome in-band, as the real service answers. */
export function carrierSubscribeAnswer(outcome: Outcome, detail?: string, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  const answer: CarrierSubscribeAnswer = {
    result: outcome === 'accepted',
    returnCode: CARRIER_SUBSCRIBE_RETURN_CODES[outcome],
    message: detail ? `${CARRIER_SUBSCRIBE_MESSAGES[outcome]}: ${detail}` : CARRIER_SUBSCRIBE_MESSAGES[outcome],
  };
  return jsonResponse(answer, status, headers);
}

/**
 * Faults of the subscribe call (unsure: the real service's throttling and failure answers are not
 * documented): over the rate limit a 429 with Retry-After and returnCode 500; a failure either that
 * JSON with HTTP 500 or a proxy's 502 page.
 */
export function carrierFaultAnswers(choose: (n: number) => number): FaultAnswers {
  return {
    rateLimited: (retryAfterSeconds) => carrierSubscribeAnswer('serverError', '请求过于频繁', 429, { 'Retry-After': String(retryAfterSeconds) }),
    failed: () =>
      choose(2) === 0
        ? carrierSubscribeAnswer('serverError', undefined, 500)
        : textResponse('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', 'text/html', 502),
  };
}
