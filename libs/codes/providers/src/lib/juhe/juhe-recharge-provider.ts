import type {
  RechargeNotifyReading,
  RechargeNotifyRequest,
  RechargeOrderState,
  RechargeProvider,
  RechargeRequest,
  RechargeSubmitResult,
} from '@supply-hub/codes-domain';
import type { HttpClient } from '@supply-hub/http-client';
import { SupplierAnswerMalformedError, zodProblem } from '@supply-hub/supplier-clients';
import {
  isJuheSystemError,
  JUHE_ERROR_CODES,
  JUHE_GAME_STATES,
  JUHE_NOTIFY_ACK,
  JUHE_PATHS,
  type JuheEnvelope,
  juheEnvelopeSchema,
  juheOnlineOrderResultSchema,
  juheOrderSign,
  juheOrderStateResultSchema,
  readJuheNotify,
} from '@supply-hub/supplier-protocols';
import type { JuheProviderConfig } from '../config/recharge-providers-config';
import { queryFailure, submitFailure, submitRefusal } from '../recharge-call-outcome';

/**
 * Mobile top-ups (话费) through a 聚合-style URL API: `onlineorder` sent once (breaker `<id>:onlineorder`,
 * which isAvailable() reads), `ordersta` retried by the HTTP client (`<id>:ordersta`). The face value goes
 * in whole yuan; anything but a one-unit mobile top-up is refused before sending.
 */
export class JuheRechargeProvider implements RechargeProvider {
  readonly notifyAck = JUHE_NOTIFY_ACK;

  constructor(
    private readonly config: Pick<JuheProviderConfig, 'id' | 'key' | 'openId' | 'callbackUrl'>,
    private readonly http: HttpClient,
  ) {}

  get id(): string {
    return this.config.id;
  }

  get submitEndpoint(): string {
    return `${this.config.id}:onlineorder`;
  }

  isAvailable(): boolean {
    return this.http.breakerStates()[this.submitEndpoint] !== 'open';
  }

  async submit(request: RechargeRequest): Promise<RechargeSubmitResult> {
    const refused = refusalOf(request);
    if (refused) return { state: 'failed', reason: refused };
    const { key, openId, callbackUrl } = this.config;
    const phoneno = request.account as string;
    const cardnum = String(request.faceValueFen / 100);
    const orderid = request.orderNo;
    const sign = juheOrderSign({ openId, key, phoneno, cardnum, orderid });
    let envelope: JuheEnvelope;
    try {
      envelope = await this.get(this.submitEndpoint, JUHE_PATHS.onlineOrder, { key, phoneno, cardnum, orderid, sign, callback: callbackUrl }, 1);
    } catch (error) {
      return submitFailure(error);
    }
    if (envelope.error_code === JUHE_ERROR_CODES.success) {
      const result = juheOnlineOrderResultSchema.safeParse(envelope.result);
      // Taken (error_code 0) is known even when `result` is unreadable.
      return result.success ? gameState(result.data.game_state, result.data.sporder_id, envelope.reason) : { state: 'processing' };
    }
    return submitRefusal({
      duplicate: envelope.error_code === JUHE_ERROR_CODES.duplicateOrder,
      busy: isJuheSystemError(envelope.error_code),
      reason: describe(envelope),
    });
  }

  async query(orderNo: string): Promise<RechargeOrderState> {
    let envelope: JuheEnvelope;
    try {
      envelope = await this.get(`${this.config.id}:ordersta`, JUHE_PATHS.orderState, { orderid: orderNo, key: this.config.key });
    } catch (error) {
      return queryFailure(error);
    }
    if (envelope.error_code === JUHE_ERROR_CODES.orderNotFound) return { state: 'not-found' };
    if (envelope.error_code !== JUHE_ERROR_CODES.success) return { state: 'unknown', reason: describe(envelope) };
    const result = juheOrderStateResultSchema.safeParse(envelope.result);
    if (!result.success) return { state: 'unknown', reason: `ordersta: unreadable result: ${zodProblem(result.error)}` };
    return gameState(result.data.game_state, result.data.sporder_id, result.data.err_msg || envelope.reason);
  }

  readNotify(request: RechargeNotifyRequest): RechargeNotifyReading {
    const reading = readJuheNotify(request.body, this.config.key);
    if (!reading.ok) return { ok: false, reason: reading.detail ? `${reading.reason}: ${reading.detail}` : reading.reason };
    const { notify } = reading;
    return {
      ok: true,
      orderNo: notify.orderid,
      state:
        notify.sta === JUHE_GAME_STATES.success
          ? { state: 'success', providerOrderId: notify.sporder_id }
          : { state: 'failed', reason: notify.err_msg || 'failed' },
    };
  }

  private async get(endpoint: string, path: string, query: Record<string, string | undefined>, maxAttempts?: number): Promise<JuheEnvelope> {
    const response = await this.http.request({ endpoint, method: 'GET', path, query, responseType: 'json', maxAttempts });
    const envelope = juheEnvelopeSchema.safeParse(response.data);
    if (!envelope.success) throw new SupplierAnswerMalformedError(this.config.id, endpoint, zodProblem(envelope.error));
    return envelope.data;
  }
}

/** game_state in the port's words: 0 in progress, 1 success, 9 failed. */
function gameState(state: string, providerOrderId: string, failure: string): RechargeOrderState {
  if (state === JUHE_GAME_STATES.success) return { state: 'success', providerOrderId };
  if (state === JUHE_GAME_STATES.failed) return { state: 'failed', reason: failure };
  return { state: 'processing', providerOrderId };
}

/** Why a request cannot go to this API at all (it is never sent). */
function refusalOf(request: RechargeRequest): string | undefined {
  if (request.kind !== 'mobile') return `the 聚合-style API sells mobile top-ups only, not ${request.kind}`;
  if (!request.account) return 'a mobile top-up needs a phone number';
  if (request.quantity !== 1) return 'a mobile top-up is one unit';
  if (request.faceValueFen <= 0 || request.faceValueFen % 100 !== 0) return `face value ${request.faceValueFen} fen is not whole yuan`;
  return undefined;
}

function describe(envelope: JuheEnvelope): string {
  return `${envelope.error_code} ${envelope.reason}`;
}
