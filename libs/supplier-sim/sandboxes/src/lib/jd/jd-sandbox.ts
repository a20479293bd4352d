import { breakOffer, type CatalogWorld, type DefectKind, JD_SOURCE, type SimOffer } from '@supply-hub/sim-catalog-data';
import {
  JD_MAX_SKUS_PER_BATCH,
  JD_RESULT_CODES,
  jdAccessTokenFormSchema,
  jdGetDetailFormSchema,
  jdGetNewStockFormSchema,
  jdGetSellPriceFormSchema,
  jdGetSkuByPageFormSchema,
  jdMessageDelFormSchema,
  jdMessageGetFormSchema,
  jdPasswordHash,
  jdRefreshTokenFormSchema,
  jdSkuNumSchema,
  jdSkuStateFormSchema,
  jdTokenSign,
} from '@supply-hub/supplier-protocols';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SandboxResponse } from '../http/sandbox-response';
import type { SandboxGate } from '../simulation/sandbox-gate';
import type { JdCredentials } from '../simulation/sim-settings';
import { jdBadParameter, jdFail, jdFaultAnswers, jdOk } from './jd-envelope';
import type { JdMessageQueue } from './jd-messages';
import { JD_ORDER_METHODS, type JdOrderMethod, type JdOrderMethods } from './jd-order-methods';
import type { JdPools } from './jd-pools';
import { jdDetail, jdSellPrice, jdStock } from './jd-records';
import type { JdTokenStore } from './jd-token-store';

/** The methods the sandbox answers, by their short name (JD_PATHS without `api/`). */
export const JD_METHODS = [
  'oauth2/accessToken',
  'oauth2/refreshToken',
  'product/getPageNum',
  'product/getSkuByPage',
  'product/getDetail',
  'product/skuState',
  'price/getSellPrice',
  'stock/getNewStockById',
  'message/get',
  'message/del',
  ...JD_ORDER_METHODS,
] as const;
export type JdMethod = (typeof JD_METHODS)[number];

const BREAKABLE: readonly DefectKind[] = ['missing-title', 'negative-price', 'zero-price', 'bad-barcode', 'missing-brand'];

/**
 * The JD-style procurement API: token calls signed per the protocol notes, business calls with a
 * token, answers in JD's envelope. Catalog answers are computed from the world per call (nothing per
 * page is cached); order methods go to JdOrderMethods.
 */
export class JdSandbox {
  constructor(
    private readonly world: CatalogWorld,
    private readonly gate: SandboxGate,
    private readonly tokens: JdTokenStore,
    private readonly messages: JdMessageQueue,
    private readonly pools: JdPools,
    private readonly credentials: JdCredentials,
    private readonly orders: JdOrderMethods,
  ) {}

  handle(method: JdMethod, form: Record<string, string>): Promise<SandboxResponse> {
    return this.gate.run(
      'jd',
      method,
      jdFaultAnswers((n) => this.gate.choose(n)),
      () => this.dispatch(method, form),
    );
  }

  private dispatch(method: JdMethod, form: Record<string, string>): SandboxResponse {
    if (method === 'oauth2/accessToken') return this.accessToken(form);
    if (method === 'oauth2/refreshToken') return this.refreshToken(form);
    const token = this.tokens.check(form['token']);
    if (token === 'unknown') return jdFail(JD_RESULT_CODES.tokenNotFound, 'token不存在');
    if (token === 'expired') return jdFail(JD_RESULT_CODES.tokenExpired, 'token已过期');
    switch (method) {
      case 'product/getPageNum':
        return jdOk(this.pools.list());
      case 'product/getSkuByPage':
        return this.skuPage(form);
      case 'product/getDetail':
        return this.detail(form);
      case 'product/skuState':
        return this.batch(jdSkuStateFormSchema, form, (offer) => ({ sku: Number(offer.externalId), state: offer.listed ? 1 : 0 }));
      case 'price/getSellPrice':
        return this.batch(jdGetSellPriceFormSchema, form, (offer) => jdSellPrice(this.maybeBreak(offer)));
      case 'stock/getNewStockById':
        return this.stock(form);
      case 'message/get':
        return this.messageGet(form);
      case 'message/del':
        return this.messageDel(form);
      default:
        return this.orders.handle(method satisfies JdOrderMethod, form);
    }
  }

  private accessToken(form: Record<string, string>): SandboxResponse {
    const parsed = jdAccessTokenFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const request = parsed.data;
    const expected = jdTokenSign({
      clientSecret: this.credentials.clientSecret,
      timestamp: request.timestamp,
      clientId: request.client_id,
      username: request.username,
      passwordHash: request.password,
      grantType: request.grant_type,
      scope: request.scope,
    });
    if (request.client_id !== this.credentials.clientId || !sameText(request.client_secret, this.credentials.clientSecret)) {
      return jdFail(JD_RESULT_CODES.invalidClient, 'client_id或client_secret错误');
    }
    if (!sameText(request.sign, expected)) return jdFail(JD_RESULT_CODES.invalidSignature, '签名错误');
    if (request.username !== this.credentials.username || !sameText(request.password, jdPasswordHash(this.credentials.password))) {
      return jdFail(JD_RESULT_CODES.invalidCredentials, '用户名或密码错误');
    }
    return jdOk(this.tokens.issue());
  }

  private refreshToken(form: Record<string, string>): SandboxResponse {
    const parsed = jdRefreshTokenFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    if (parsed.data.client_id !== this.credentials.clientId || !sameText(parsed.data.client_secret, this.credentials.clientSecret)) {
      return jdFail(JD_RESULT_CODES.invalidClient, 'client_id或client_secret错误');
    }
    const result = this.tokens.refresh(parsed.data.refresh_token);
    if (result === 'unknown') return jdFail(JD_RESULT_CODES.tokenNotFound, 'refresh_token不存在');
    if (result === 'expired') return jdFail(JD_RESULT_CODES.tokenExpired, 'refresh_token已过期');
    if (typeof result === 'string') return jdFail(JD_RESULT_CODES.tokenNotFound, 'refresh_token无效');
    return jdOk(result);
  }

  private skuPage(form: Record<string, string>): SandboxResponse {
    const parsed = jdGetSkuByPageFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const pageNo = Number(parsed.data.pageNo);
    if (pageNo < 1) return jdFail(JD_RESULT_CODES.invalidParameter, '参数错误: pageNo 从1开始');
    if (pageNo > 1) this.gate.changeBetweenPages('jd');
    const page = this.pools.page(parsed.data.pageNum, pageNo);
    if (!page) return jdFail(JD_RESULT_CODES.invalidParameter, `参数错误: 商品池 ${parsed.data.pageNum} 不存在`);
    const skuIds: number[] = [];
    for (let index = page.start; index < page.end; index++) skuIds.push(Number(this.world.externalId(JD_SOURCE.id, index)));
    return jdOk({ pageCount: page.pageCount, skuIds });
  }

  private detail(form: Record<string, string>): SandboxResponse {
    const parsed = jdGetDetailFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const offer = this.offerOf(parsed.data.sku);
    if (!offer) return jdFail(JD_RESULT_CODES.invalidParameter, `参数错误: sku ${parsed.data.sku} 不存在`);
    return jdOk(jdDetail(this.maybeBreak(offer), (parsed.data.queryExts ?? '').split(',').includes('imagePaths')));
  }

  private batch<T>(schema: z.ZodType<{ sku: string }>, form: Record<string, string>, render: (offer: SimOffer) => T): SandboxResponse {
    const parsed = schema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const result: T[] = [];
    for (const sku of parsed.data.sku.split(',')) {
      const offer = this.offerOf(sku);
      if (offer) result.push(render(offer));
    }
    return jdOk(result);
  }

  private stock(form: Record<string, string>): SandboxResponse {
    const parsed = jdGetNewStockFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const skuNums = z.array(jdSkuNumSchema).max(JD_MAX_SKUS_PER_BATCH).parse(JSON.parse(parsed.data.skuNums));
    const result = [];
    for (const { skuId } of skuNums) {
      const offer = this.offerOf(String(skuId));
      if (offer) result.push(jdStock(offer, parsed.data.area, this.world.seed));
    }
    return jdOk(result);
  }

  private messageGet(form: Record<string, string>): SandboxResponse {
    const parsed = jdMessageGetFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    return jdOk(this.messages.get(parsed.data.type.split(',').map(Number)));
  }

  private messageDel(form: Record<string, string>): SandboxResponse {
    const parsed = jdMessageDelFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    this.messages.delete(parsed.data.id.split(','));
    return jdOk(true);
  }

  private offerOf(sku: string): SimOffer | null {
    const index = this.world.indexOf(JD_SOURCE.id, sku);
    return index === null ? null : this.world.offer(JD_SOURCE.id, index);
  }

  /** The malformedRate fault: this record goes out broken. */
  private maybeBreak(offer: SimOffer): SimOffer {
    return this.gate.breaksRecord('jd') ? breakOffer(offer, BREAKABLE[this.gate.choose(BREAKABLE.length)] as DefectKind) : offer;
  }
}

/** Constant-time comparison of secrets and signatures. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
