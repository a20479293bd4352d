import type {
  RechargeNotifyReading,
  RechargeNotifyRequest,
  RechargeOrderState,
  RechargeProvider,
  RechargeRequest,
  RechargeSubmitResult,
} from '@supply-hub/codes-domain';
import type { HttpClient, TimeSource } from '@supply-hub/http-client';
import {
  FULU_ANSWER_CODES,
  FULU_GATEWAY_PATH,
  FULU_METHODS,
  FULU_NOTIFY_ACK,
  type FuluAnswer,
  fuluAnswerSchema,
  type FuluRequestInput,
  fuluOrderTextSchema,
  fuluRequest,
  isFuluBusy,
  readFuluNotify,
} from '@supply-hub/supplier-protocols';
import { SupplierAnswerMalformedError, zodProblem } from '@supply-hub/supplier-clients';
import type { FuluProviderConfig } from '../config/recharge-providers-config';
import { queryFailure, submitFailure, submitRefusal } from '../recharge-call-outcome';
import { fuluOrderState, isoOf } from './fulu-order-state';

type Call = Pick<FuluRequestInput, 'method' | 'biz'>;

/**
 * Top-ups and card codes through a 福禄-style gateway (one JSON POST per call, signed with fuluSign).
 * The three add methods share one endpoint and so one breaker (`<id>:order.add`): the provider's order
 * intake fails as one, and isAvailable() reads that breaker. A submit is sent once; a query
 * (`<id>:order.info.get`) may be retried by the HTTP client.
 */
export class FuluRechargeProvider implements RechargeProvider {
  readonly notifyAck = FULU_NOTIFY_ACK;

  constructor(
    private readonly config: Pick<FuluProviderConfig, 'id' | 'appKey' | 'appSecret'>,
    private readonly http: HttpClient,
    private readonly time: Pick<TimeSource, 'now'> = { now: () => Date.now() },
  ) {}

  get id(): string {
    return this.config.id;
  }

  /** The breaker key of the add methods. */
  get submitEndpoint(): string {
    return `${this.config.id}:order.add`;
  }

  isAvailable(): boolean {
    return this.http.breakerStates()[this.submitEndpoint] !== 'open';
  }

  async submit(request: RechargeRequest): Promise<RechargeSubmitResult> {
    const call = submitCall(request);
    if ('refused' in call) return { state: 'failed', reason: call.refused };
    let answer: FuluAnswer;
    try {
      answer = await this.post(this.submitEndpoint, call, 1);
    } catch (error) {
      return submitFailure(error);
    }
    if (answer.code === FULU_ANSWER_CODES.accepted) {
      const order = fuluOrderTextSchema.safeParse(answer.result);
      // Accepted (code 0) is known even when the order in `result` is unreadable.
      return order.success ? fuluOrderState(order.data, this.config.appSecret) : { state: 'processing' };
    }
    return submitRefusal({ duplicate: answer.code === FULU_ANSWER_CODES.duplicateOrder, busy: isFuluBusy(answer.code), reason: describe(answer) });
  }

  async query(orderNo: string): Promise<RechargeOrderState> {
    let answer: FuluAnswer;
    try {
      answer = await this.post(`${this.config.id}:order.info.get`, { method: FULU_METHODS.infoGet, biz: { customer_order_no: orderNo } });
    } catch (error) {
      return queryFailure(error);
    }
    if (answer.code === FULU_ANSWER_CODES.orderNotFound) return { state: 'not-found' };
    if (answer.code !== FULU_ANSWER_CODES.accepted) return { state: 'unknown', reason: describe(answer) };
    const order = fuluOrderTextSchema.safeParse(answer.result);
    if (!order.success) return { state: 'unknown', reason: `order.info.get: unreadable result: ${zodProblem(order.error)}` };
    return fuluOrderState(order.data, this.config.appSecret);
  }

  readNotify(request: RechargeNotifyRequest): RechargeNotifyReading {
    const reading = readFuluNotify(request.body, this.config.appSecret);
    if (!reading.ok) return { ok: false, reason: reading.detail ? `${reading.reason}: ${reading.detail}` : reading.reason };
    const { notify } = reading;
    switch (notify.order_status) {
      case 'success':
        return {
          ok: true,
          orderNo: notify.customer_order_no,
          state: { state: 'success', providerOrderId: notify.order_id, ...(notify.charge_finish_time ? { finishedAt: isoOf(notify.charge_finish_time) } : {}) },
        };
      case 'failed':
        return { ok: true, orderNo: notify.customer_order_no, state: { state: 'failed', reason: notify.recharge_description || 'failed' } };
      default:
        return { ok: true, orderNo: notify.customer_order_no, state: { state: 'processing', providerOrderId: notify.order_id } };
    }
  }

  /** One gateway call; throws what the HTTP client throws, or when the answer is not the envelope. */
  private async post(endpoint: string, call: Call, maxAttempts?: number): Promise<FuluAnswer> {
    const { appKey, appSecret } = this.config;
    const body = fuluRequest({ appKey, appSecret, ...call, now: this.time.now() });
    const response = await this.http.request({ endpoint, method: 'POST', path: FULU_GATEWAY_PATH, json: body, responseType: 'json', maxAttempts });
    const answer = fuluAnswerSchema.safeParse(response.data);
    if (!answer.success) throw new SupplierAnswerMalformedError(this.config.id, endpoint, zodProblem(answer.error));
    return answer.data;
  }
}

/** The add method and biz_content of a request, or why it cannot be sent to this provider. */
function submitCall(request: RechargeRequest): Call | { refused: string } {
  const { orderNo: customer_order_no, providerProductId: product_id, account, quantity: buy_num } = request;
  switch (request.kind) {
    case 'card':
      return { method: FULU_METHODS.cardAdd, biz: { customer_order_no, product_id, buy_num } };
    case 'direct':
      if (!account) return { refused: 'a direct top-up needs an account' };
      return { method: FULU_METHODS.directAdd, biz: { customer_order_no, product_id, charge_account: account, buy_num } };
    case 'mobile':
      if (!account) return { refused: 'a mobile top-up needs a phone number' };
      if (buy_num !== 1) return { refused: 'a mobile top-up is one unit' };
      return { method: FULU_METHODS.mobileAdd, biz: { customer_order_no, charge_phone: account, charge_value: request.faceValueFen / 100 } };
  }
}

function describe(answer: FuluAnswer): string {
  return `${answer.code} ${answer.message ?? ''}`.trim();
}
