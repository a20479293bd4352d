import {
  FULU_BIZ_SCHEMAS,
  FULU_METHODS,
  FULU_TIMESTAMP_TOLERANCE_MS,
  type FuluMethod,
  fuluRequestSchema,
  parseBeijingTime,
  verifyFuluSign,
} from '@supply-hub/supplier-protocols';
import type { z } from 'zod';
import type { SandboxResponse } from '../http/sandbox-response';
import type { SandboxGate } from '../simulation/sandbox-gate';
import { fuluFaultAnswers, fuluGatewayAnswer, fuluOrderOf } from './fulu-answers';
import type { RechargeOrderBook } from './recharge-order-book';
import { acceptsAccount, mobileProductFor, type RechargeProduct, rechargeProduct } from './recharge-products';
import type { FuluSimSettings } from './recharge-settings';

const COMMON_FIELDS = ['app_key', 'method', 'timestamp', 'version', 'format', 'charset', 'sign_type', 'biz_content', 'sign'] as const;
const METHODS: readonly string[] = Object.values(FULU_METHODS);

type Taken = { product: RechargeProduct; account?: string; quantity: number } | SandboxResponse;

/**
 * The 福禄-style gateway (`POST /fulu/api/getway`, JSON): common fields checked in the order the
 * gateway checks them (present, app_key, timestamp, sign, fixed values, method), then biz_content, then
 * the method. A timeout fault keeps the order it was sent to create.
 */
export class FuluGateway {
  constructor(
    private readonly gate: SandboxGate,
    private readonly orders: RechargeOrderBook,
    private readonly settings: FuluSimSettings,
    private readonly clock: () => number,
  ) {}

  handle(params: Record<string, string>): Promise<SandboxResponse> {
    const method = params['method'] ?? '';
    const endpoint = METHODS.includes(method) ? method : 'unknown method';
    return this.gate.run(
      'fulu',
      endpoint,
      fuluFaultAnswers(this.settings.appSecret, (n) => this.gate.choose(n)),
      () => this.dispatch(params),
      {
        commitBeforeTimeout: true,
      },
    );
  }

  private dispatch(params: Record<string, string>): SandboxResponse {
    for (const name of COMMON_FIELDS) if (!params[name]) return this.answer('missingParameter', name);
    if (params['app_key'] !== this.settings.appKey) return this.answer('invalidAppKey');
    if (!this.timestampAccepted(params['timestamp'] as string))
      return this.answer('invalidTimestamp', '须为北京时间 yyyy-MM-dd HH:mm:ss，且与服务器时间相差不超过10分钟');
    if (!verifyFuluSign(params, this.settings.appSecret)) return this.answer('invalidSignature');
    const common = fuluRequestSchema.safeParse(params);
    if (!common.success) return this.answer('invalidParameter', firstIssue(common.error));
    if (!METHODS.includes(common.data.method)) return this.answer('invalidMethod', common.data.method);
    const method = common.data.method as FuluMethod;
    const biz = FULU_BIZ_SCHEMAS[method].safeParse(common.data.biz_content);
    if (!biz.success) return this.answer('invalidParameter', `biz_content.${firstIssue(biz.error)}`);
    if (method === FULU_METHODS.infoGet) return this.info(biz.data.customer_order_no);
    return this.take(biz.data.customer_order_no, this.productFor(method, biz.data as Record<string, unknown>));
  }

  private productFor(method: FuluMethod, biz: Record<string, unknown>): Taken {
    if (method === FULU_METHODS.mobileAdd) {
      const phone = String(biz['charge_phone']);
      const product = mobileProductFor(phone, Number(biz['charge_value']));
      return product ? { product, account: phone, quantity: 1 } : this.answer('productNotFound', `${phone} ${String(biz['charge_value'])}元`);
    }
    const product = rechargeProduct(String(biz['product_id']));
    const quantity = Number(biz['buy_num']);
    if (method === FULU_METHODS.cardAdd) return product?.kind === 'card' ? { product, quantity } : this.answer('productNotFound', String(biz['product_id']));
    if (!product || product.kind === 'card') return this.answer('productNotFound', String(biz['product_id']));
    const account = String(biz['charge_account']);
    return acceptsAccount(product, account) ? { product, account, quantity } : this.answer('invalidAccount', product.name);
  }

  private take(orderNo: string, taken: Taken): SandboxResponse {
    if ('status' in taken) return taken;
    const result = this.orders.take({ orderNo, ...taken, callbackUrl: this.settings.callbackUrl });
    if (result.kind === 'duplicate') return this.answer('duplicateOrder', orderNo);
    if (result.kind === 'full') return this.answer('systemBusy');
    return this.answer('accepted', undefined, fuluOrderOf(result.order, this.settings.appSecret));
  }

  private info(orderNo: string): SandboxResponse {
    const order = this.orders.get(orderNo);
    return order ? this.answer('accepted', undefined, fuluOrderOf(order, this.settings.appSecret)) : this.answer('orderNotFound', orderNo);
  }

  private answer(outcome: Parameters<typeof fuluGatewayAnswer>[1], detail?: string, result?: unknown): SandboxResponse {
    return fuluGatewayAnswer(this.settings.appSecret, outcome, detail, result);
  }

  private timestampAccepted(timestamp: string): boolean {
    try {
      return Math.abs(this.clock() - parseBeijingTime(timestamp).getTime()) <= FULU_TIMESTAMP_TOLERANCE_MS;
    } catch {
      return false;
    }
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(value)'} ${issue.message}` : 'invalid';
}
