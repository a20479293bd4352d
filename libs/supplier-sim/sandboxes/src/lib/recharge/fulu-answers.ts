import {
  encryptFuluCardPassword,
  FULU_ANSWER_CODES,
  FULU_ANSWER_MESSAGES,
  FULU_ORDER_TYPES,
  type FuluOrder,
  formatBeijingTime,
  fuluAnswer,
  fuluNotifyBody,
} from '@supply-hub/supplier-protocols';
import type { CallbackRequest } from '../http/callback-delivery';
import { jsonResponse, type SandboxResponse, textResponse } from '../http/sandbox-response';
import type { FaultAnswers } from '../simulation/sandbox-gate';
import type { RechargeSimOrder } from './recharge-order';

type Outcome = keyof typeof FULU_ANSWER_CODES;

/** A gateway answer: HTTP 200 with the outcome in `code`, signed with the app secret. */
export function fuluGatewayAnswer(
  appSecret: string,
  outcome: Outcome,
  detail?: string,
  result?: unknown,
  status = 200,
  headers: Record<string, string> = {},
): SandboxResponse {
  const message = detail ? `${FULU_ANSWER_MESSAGES[outcome]}: ${detail}` : FULU_ANSWER_MESSAGES[outcome];
  return jsonResponse(fuluAnswer(FULU_ANSWER_CODES[outcome], message, result, appSecret), status, headers);
}

/** (unsure) Over the limit: 429 with Retry-After and code 4001; a failure: 500 with code 5000, or a proxy's 502 page. */
export function fuluFaultAnswers(appSecret: string, choose: (n: number) => number): FaultAnswers {
  return {
    rateLimited: (seconds) => fuluGatewayAnswer(appSecret, 'tooFrequent', undefined, undefined, 429, { 'Retry-After': String(seconds) }),
    failed: () =>
      choose(2) === 0
        ? fuluGatewayAnswer(appSecret, 'systemBusy', undefined, undefined, 500)
        : textResponse('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', 'text/html', 502),
  };
}

/** An order as the gateway's `result` writes it; card passwords encrypted with the app secret. */
export function fuluOrderOf(order: RechargeSimOrder, appSecret: string): FuluOrder {
  const kind = order.product.kind;
  const result: FuluOrder = {
    order_id: order.providerOrderId,
    customer_order_no: order.orderNo,
    product_id: order.product.productId,
    product_name: order.product.name,
    charge_account: order.account ?? '',
    buy_num: order.quantity,
    order_type: kind === 'card' ? FULU_ORDER_TYPES.card : kind === 'mobile' ? FULU_ORDER_TYPES.mobile : FULU_ORDER_TYPES.direct,
    order_price: Math.round(order.product.priceYuan * order.quantity * 100) / 100,
    order_state: order.state,
    create_time: formatBeijingTime(order.createdAt),
    finish_time: order.finishedAt === undefined ? null : formatBeijingTime(order.finishedAt),
    recharge_description: order.state === 'failed' ? (order.reason ?? '') : order.state === 'success' ? '充值成功' : '',
    operator_serial_number: order.operatorSerial ?? null,
  };
  if (order.cards) {
    result.cards = order.cards.map((card) => ({
      card_number: card.number,
      card_pwd: encryptFuluCardPassword(card.password, appSecret),
      card_deadline: formatBeijingTime(card.expiresAt),
    }));
  }
  return result;
}

/** The JSON notify of a finished order, signed with the app secret (or, for badSign, with another). */
export function fuluNotifyRequest(order: RechargeSimOrder, appSecret: string, badSign: boolean): CallbackRequest {
  const body = fuluNotifyBody(
    {
      order_id: order.providerOrderId,
      customer_order_no: order.orderNo,
      order_status: order.state,
      charge_finish_time: order.finishedAt === undefined ? null : formatBeijingTime(order.finishedAt),
      recharge_description: order.state === 'failed' ? (order.reason ?? '') : '充值成功',
      product_id: order.product.productId,
      buy_num: order.quantity,
      operator_serial_number: order.operatorSerial ?? null,
    },
    badSign ? `${appSecret}-wrong` : appSecret,
  );
  return { body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
}
