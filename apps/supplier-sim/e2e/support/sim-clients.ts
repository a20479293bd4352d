import type { TestService } from '@supply-hub/platform/testing';
import type { EndpointStats } from '@supply-hub/sim-sandboxes';
import {
  formatBeijingTime,
  jdPasswordHash,
  type JdPool,
  type JdSkuPage,
  type JdTokenResult,
  jdTokenSign,
  type TaobaoError,
  type TaobaoItem,
  taobaoSign,
  type TaobaoSignMethod,
} from '@supply-hub/supplier-protocols';
import { AppModule } from '../../src/app.module';
import { supplierSimEnv } from '../../src/config/supplier-sim-env';

/** How the e2e specs start supplier-sim: a small world (2,000 SKUs) unless told otherwise. */
export const simServiceOptions = (env: Record<string, string> = {}) => ({
  name: 'supplier-sim',
  envSchema: supplierSimEnv,
  module: AppModule,
  env: { SIM_SKUS: '2000', ...env },
});

export interface JdEnvelopeBody<R = unknown> {
  success: boolean;
  resultCode: string;
  resultMessage: string;
  result: R;
}

/** The parts of a TOP answer the specs read. */
export interface TaobaoAnswer {
  error_response?: TaobaoError;
  items_onsale_get_response?: { total_results: number; items?: { item: Partial<TaobaoItem>[] } };
  item_seller_get_response?: { item: Partial<TaobaoItem> };
}

export interface SimStats {
  world: { seed: number; skus: number; sources: Record<string, { skus: number; version: number }> };
  jdMessagesPending: number;
  requests: { since: string; totalRequests: number; endpoints: Record<string, EndpointStats> };
}

/** The development defaults of SIM_JD_* (the protocol notes' worked example account). */
export function jdTokenForm(overrides: Record<string, string> = {}): Record<string, string> {
  const timestamp = formatBeijingTime(Date.now());
  const password = jdPasswordHash('p@ss-123');
  const sign = jdTokenSign({ clientSecret: 'sandbox-secret', timestamp, clientId: 'sandbox-client', username: 'mall-supplier', passwordHash: password });
  return {
    grant_type: 'access_token',
    client_id: 'sandbox-client',
    client_secret: 'sandbox-secret',
    timestamp,
    username: 'mall-supplier',
    password,
    scope: '',
    sign,
    ...overrides,
  };
}

export async function jdPost<R = unknown>(service: TestService, path: string, form: Record<string, string>): Promise<JdEnvelopeBody<R>> {
  const response = await service.http.post(`/jd/${path}`).type('form').send(form).expect(200);
  return response.body as JdEnvelopeBody<R>;
}

export async function jdLogin(service: TestService): Promise<JdTokenResult> {
  const answer = await jdPost<JdTokenResult>(service, 'oauth2/accessToken', jdTokenForm());
  expect(answer).toMatchObject({ success: true, resultCode: '0000' });
  return answer.result;
}

/** Every SKU id of every pool, page by page. */
export async function jdAllSkuIds(service: TestService, token: string): Promise<number[]> {
  const ids: number[] = [];
  for (const pool of (await jdPost<JdPool[]>(service, 'api/product/getPageNum', { token })).result) {
    for (let pageNo = 1; ; pageNo++) {
      const page = (await jdPost<JdSkuPage>(service, 'api/product/getSkuByPage', { token, pageNum: pool.page_num, pageNo: String(pageNo) })).result;
      ids.push(...page.skuIds);
      if (pageNo >= page.pageCount) break;
    }
  }
  return ids;
}

/** A TOP call signed with the development defaults of SIM_TAOBAO_* (app 12345678, secret helloworld). */
export function taobaoParams(params: Record<string, string>, signMethod: TaobaoSignMethod = 'md5'): Record<string, string> {
  const all = {
    app_key: '12345678',
    session: 'test-session',
    timestamp: formatBeijingTime(Date.now()),
    format: 'json',
    v: '2.0',
    sign_method: signMethod,
    ...params,
  };
  return { ...all, sign: taobaoSign(all, 'helloworld', signMethod) };
}

export async function taobaoGet(service: TestService, params: Record<string, string>, signMethod: TaobaoSignMethod = 'md5'): Promise<TaobaoAnswer> {
  return (await service.http.get('/taobao/router/rest').query(taobaoParams(params, signMethod)).expect(200)).body;
}

export async function taobaoPost(service: TestService, params: Record<string, string>, signMethod: TaobaoSignMethod = 'md5'): Promise<TaobaoAnswer> {
  return (await service.http.post('/taobao/router/rest').type('form').send(taobaoParams(params, signMethod)).expect(200)).body;
}

export async function simStats(service: TestService): Promise<SimStats> {
  return (await service.http.get('/sim/stats').expect(200)).body;
}
