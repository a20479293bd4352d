import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@supply-hub/auth';
import type { PurchasedCard, RechargeNotifyReading, RechargeOrderState, RechargeProvider, RechargeRequest, RechargeSubmitResult } from '@supply-hub/codes-domain';
import type { HttpClient } from '@supply-hub/http-client';
import { z } from 'zod';
import { queryFailure, reasonOf, submitFailure } from '../recharge-call-outcome';

/** A mall's own coupon system, as the mall registered it (PUT /coupon-system). */
export interface MallCouponSystemConfig {
  tenantId: string;
  /** Where coupons are asked for: POST <url>, and GET <url>/<requestId> for one asked before. */
  url: string;
  /** The credential the mall gave us: sent as a bearer token and the key of the request signature. */
  credential: string;
}

/** The provider id of a tenant's coupon system on issuance attempts. */
export function couponProviderId(tenantId: string): string {
  return `coupons:${tenantId}`;
}

const couponsAnswerSchema = z.object({
  coupons: z
    .array(z.object({ code: z.string().min(1).max(256), password: z.string().min(1).max(256).optional(), expiresAt: z.iso.datetime({ offset: true }).optional() }))
    .min(1),
});

const REFUSALS = Array.from({ length: 100 }, (_, index) => 400 + index);

/**
 * Coupons (优惠券) from the mall's own coupon system, behind the same port as the recharge providers so the
 * issuance saga treats them alike. The contract malls implement: `POST <url>` with
 * `{requestId, skuId, quantity, orderId, lineId}` (idempotent on requestId: asked again, the same
 * coupons), `Authorization: Bearer <credential>` and `SupplyHub-Signature` (HMAC-SHA256 over
 * "<t>.<body>" with the credential, as our webhooks are signed) → 200 `{coupons: [{code, password?,
 * expiresAt?}]}`, or a 4xx refusal (problem+json `detail` is kept as the reason); `GET <url>/<requestId>`
 * answers the same for a request made before, 404 for one never received. 5xx, timeouts: unknown, asked
 * again later under the same requestId.
 */
export class MallCouponSystem implements RechargeProvider {
  readonly id: string;
  readonly notifyAck = 'success';
  private readonly endpoint: string;

  constructor(
    private readonly config: MallCouponSystemConfig,
    private readonly http: HttpClient,
    private readonly time: { now(): number } = Date,
  ) {
    this.id = couponProviderId(config.tenantId);
    this.endpoint = `${this.id}:coupons`;
  }

  isAvailable(): boolean {
    return this.http.breakerStates()[this.endpoint] !== 'open';
  }

  async submit(request: RechargeRequest): Promise<RechargeSubmitResult> {
    const payload = { requestId: request.orderNo, skuId: request.providerProductId, quantity: request.quantity };
    try {
      const response = await this.http.request<string>({
        endpoint: this.endpoint,
        method: 'POST',
        path: this.config.url,
        json: payload,
        headers: this.headers(JSON.stringify(payload)),
        responseType: 'text',
        acceptStatuses: REFUSALS,
        // Sent once: after a lost answer the saga asks GET <url>/<requestId> first.
        maxAttempts: 1,
      });
      return this.answerOf(response.status, response.data);
    } catch (error) {
      return submitFailure(error);
    }
  }

  async query(orderNo: string): Promise<RechargeOrderState> {
    try {
      const response = await this.http.request<string>({
        endpoint: this.endpoint,
        method: 'GET',
        path: `${this.config.url.replace(/\/+$/, '')}/${encodeURIComponent(orderNo)}`,
        headers: this.headers(''),
        responseType: 'text',
        acceptStatuses: REFUSALS,
      });
      if (response.status === 404) return { state: 'not-found' };
      const answer = this.answerOf(response.status, response.data);
      return answer.state === 'not-sent' || answer.state === 'duplicate' ? { state: 'unknown', reason: 'unexpected answer' } : answer;
    } catch (error) {
      return queryFailure(error);
    }
  }

  readNotify(): RechargeNotifyReading {
    return { ok: false, reason: 'a mall coupon system answers at once; it sends no notifies' };
  }

  private headers(body: string): Record<string, string> {
    return {
      authorization: `Bearer ${this.config.credential}`,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(this.config.credential, Math.floor(this.time.now() / 1000), body),
    };
  }

  private answerOf(status: number, text: string): RechargeSubmitResult {
    if (status >= 400) return { state: 'failed', reason: `the mall's coupon system refused (${status}): ${detailOf(text)}` };
    try {
      const parsed = couponsAnswerSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return { state: 'unknown', reason: `unreadable answer: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
      const cards: PurchasedCard[] = parsed.data.coupons.map((coupon) => ({
        code: coupon.code,
        ...(coupon.password ? { password: coupon.password } : {}),
        ...(coupon.expiresAt ? { expiresAt: new Date(coupon.expiresAt).toISOString() } : {}),
      }));
      return { state: 'success', cards };
    } catch (error) {
      return { state: 'unknown', reason: `unreadable answer: ${reasonOf(error)}` };
    }
  }
}

function detailOf(text: string): string {
  try {
    const body = JSON.parse(text) as { detail?: unknown; title?: unknown; message?: unknown };
    const detail = body.detail ?? body.title ?? body.message;
    if (typeof detail === 'string') return detail.slice(0, 300);
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 300) || 'no detail';
}
