import { JUHE_ERROR_CODES, JUHE_ERROR_REASONS, JUHE_GAME_STATES, type JuheOnlineOrderResult, juheNotifyForm } from '@supply-hub/supplier-protocols';
import type { CallbackRequest } from '../http/callback-delivery';
import { jsonResponse, type SandboxResponse, textResponse } from '../http/sandbox-response';
import type { FaultAnswers } from '../simulation/sandbox-gate';
import type { RechargeSimOrder, RechargeSimState } from './recharge-order';

type Outcome = keyof typeof JUHE_ERROR_CODES;

/**
 * An answer: HTTP 200, `{reason, result, error_code}`, result null unless error_code is 0. `detail`
 * follows an error's reason, and replaces the reason of a success (查询成功).
 */
export function juheAnswer(outcome: Outcome, result: unknown = null, detail?: string, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  const standard = JUHE_ERROR_REASONS[outcome];
  const reason = detail ? (outcome === 'success' ? detail : `${standard}: ${detail}`) : standard;
  return jsonResponse({ reason, result, error_code: JUHE_ERROR_CODES[outcome] }, status, headers);
}

/** (unsure) Over the limit: 10012 in-band with Retry-After; a failure: 10014 with HTTP 500, or a proxy's 502 page. */
export function juheFaultAnswers(choose: (n: number) => number): FaultAnswers {
  return {
    rateLimited: (seconds) => juheAnswer('callLimited', null, undefined, 200, { 'Retry-After': String(seconds) }),
    failed: () =>
      choose(2) === 0
        ? juheAnswer('systemError', null, undefined, 500)
        : textResponse('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', 'text/html', 502),
  };
}

export function juheGameState(state: RechargeSimState): string {
  return state === 'success' ? JUHE_GAME_STATES.success : state === 'failed' ? JUHE_GAME_STATES.failed : JUHE_GAME_STATES.processing;
}

/** onlineorder's `result` for a taken order. */
export function juheOnlineOrderResult(order: RechargeSimOrder): JuheOnlineOrderResult {
  return {
    cardid: order.product.productId,
    cardnum: '1',
    ordercash: order.product.priceYuan,
    cardname: order.product.name,
    sporder_id: order.providerOrderId,
    uorderid: order.orderNo,
    game_userid: order.account ?? '',
    game_state: juheGameState(order.state),
  };
}

/** The form notify of a finished order, signed with the key (or, for badSign, with another). */
export function juheNotifyRequest(order: RechargeSimOrder, key: string, badSign: boolean): CallbackRequest {
  const form = juheNotifyForm(
    {
      sporder_id: order.providerOrderId,
      orderid: order.orderNo,
      sta: order.state === 'success' ? JUHE_GAME_STATES.success : JUHE_GAME_STATES.failed,
      ...(order.state === 'failed' ? { err_msg: order.reason ?? '' } : {}),
    },
    badSign ? `${key}-wrong` : key,
  );
  return { body: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded; charset=UTF-8' };
}
