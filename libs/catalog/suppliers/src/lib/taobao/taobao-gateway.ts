import type { HttpClient, HttpResponse, TimeSource } from '@supply-hub/http-client';
import { SupplierAnswerMalformedError, SupplierRefusedError } from '@supply-hub/supplier-clients';
import {
  formatBeijingTime,
  isTaobaoRetryableError,
  TAOBAO_GATEWAY_PATH,
  taobaoErrorResponseSchema,
  taobaoResponseKey,
  taobaoSign,
  type TaobaoParams,
} from '@supply-hub/supplier-protocols';
import type { TaobaoSourceConfig } from './taobao-source-config';

/** `isp.*` and call-limit errors arrive as 200s; the HTTP client retries them like a 503. */
export function classifyTaobaoResponse(response: HttpResponse): { retry: string } | undefined {
  const failure = taobaoErrorResponseSchema.safeParse(response.data);
  if (!failure.success || !isTaobaoRetryableError(failure.data.error_response)) return undefined;
  const { code, sub_code, msg, sub_msg } = failure.data.error_response;
  return { retry: `TOP ${code} ${sub_code ?? ''} ${sub_msg ?? msg}`.replace(/\s+/g, ' ').trim() };
}

/**
 * Signed calls to the TOP gateway. Each call is signed afresh (the timestamp is part of the signed text
 * and the gateway refuses one more than 10 minutes off), so a retry after a long Retry-After still passes.
 */
export class TaobaoGateway {
  constructor(
    private readonly config: Pick<TaobaoSourceConfig, 'id' | 'credentials' | 'signMethod'>,
    private readonly http: HttpClient,
    private readonly time: Pick<TimeSource, 'now'>,
  ) {}

  /** The body inside `<method>_response`; throws SupplierRefusedError on an error_response the client did not retry. */
  async call(method: string, params: TaobaoParams, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const endpoint = `${this.config.id}:${method}`;
    const response = await this.http.request({
      endpoint,
      method: 'POST',
      path: TAOBAO_GATEWAY_PATH.slice(1),
      form: this.signed(method, params),
      responseType: 'json',
      signal,
    });
    const body = response.data;
    const failure = taobaoErrorResponseSchema.safeParse(body);
    if (failure.success) {
      const { code, msg, sub_code, sub_msg } = failure.data.error_response;
      throw new SupplierRefusedError(this.config.id, endpoint, sub_code ? `${code}/${sub_code}` : String(code), sub_msg ?? msg);
    }
    const key = taobaoResponseKey(method);
    const answer = isRecord(body) ? body[key] : undefined;
    if (!isRecord(answer)) throw new SupplierAnswerMalformedError(this.config.id, endpoint, `no ${key} object`);
    return answer;
  }

  /** The form of one call: common parameters, the method's own, and `sign` over all of them. */
  signed(method: string, params: TaobaoParams): Record<string, string> {
    const { appKey, appSecret, session } = this.config.credentials;
    const all: TaobaoParams = {
      method,
      app_key: appKey,
      session,
      timestamp: formatBeijingTime(this.time.now()),
      format: 'json',
      v: '2.0',
      sign_method: this.config.signMethod,
      ...params,
    };
    const form: Record<string, string> = {};
    for (const [name, value] of Object.entries(all)) if (value !== undefined && value !== null && value !== '') form[name] = String(value);
    form['sign'] = taobaoSign(form, appSecret, this.config.signMethod);
    return form;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
