import { hexSignatureEquals, JUHE_PATHS, juheOnlineOrderParamsSchema, juheOrderIdSchema, juheOrderSign } from '@supply-hub/supplier-protocols';
import type { SandboxResponse } from '../http/sandbox-response';
import type { SandboxGate } from '../simulation/sandbox-gate';
import { juheAnswer, juheFaultAnswers, juheGameState, juheOnlineOrderResult } from './juhe-answers';
import type { RechargeOrderBook } from './recharge-order-book';
import { mobileOperatorOf, mobileProductFor } from './recharge-products';
import type { JuheSimSettings } from './recharge-settings';

/** Which field's problem gets which error code, in the order they are checked. */
const FIELD_ERRORS = [
  ['phoneno', 'invalidPhone'],
  ['cardnum', 'invalidFaceValue'],
  ['orderid', 'invalidOrderId'],
  ['sign', 'invalidSignature'],
] as const;

/**
 * The 聚合-style mobile top-up API (`/juhe/ofpay/mobile/onlineorder` and `ordersta`, GET or POST):
 * the key first, then each field with its own error code, then the signature. A timeout fault keeps the
 * order it was sent to create.
 */
export class JuheApi {
  constructor(
    private readonly gate: SandboxGate,
    private readonly orders: RechargeOrderBook,
    private readonly settings: JuheSimSettings,
  ) {}

  handleOnlineOrder(params: Record<string, string>): Promise<SandboxResponse> {
    return this.gate.run(
      'juhe',
      JUHE_PATHS.onlineOrder,
      juheFaultAnswers((n) => this.gate.choose(n)),
      () => this.onlineOrder(params),
      {
        commitBeforeTimeout: true,
      },
    );
  }

  handleOrderState(params: Record<string, string>): Promise<SandboxResponse> {
    return this.gate.run(
      'juhe',
      JUHE_PATHS.orderState,
      juheFaultAnswers((n) => this.gate.choose(n)),
      () => this.orderState(params),
    );
  }

  private onlineOrder(params: Record<string, string>): SandboxResponse {
    if (params['key'] !== this.settings.key) return juheAnswer('invalidKey');
    const parsed = juheOnlineOrderParamsSchema.safeParse(params);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const outcome = FIELD_ERRORS.find(([name]) => name === field)?.[1] ?? 'invalidOrderId';
      return juheAnswer(outcome, null, parsed.error.issues[0]?.message);
    }
    const { phoneno, cardnum, orderid, sign, callback } = parsed.data;
    if (!hexSignatureEquals(sign, juheOrderSign({ openId: this.settings.openId, key: this.settings.key, phoneno, cardnum, orderid }))) {
      return juheAnswer('invalidSignature');
    }
    if (!mobileOperatorOf(phoneno)) return juheAnswer('invalidPhone', null, phoneno);
    const product = mobileProductFor(phoneno, Number(cardnum));
    if (!product) return juheAnswer('numberNotAllowed', null, `${phoneno} ${cardnum}元`);
    const taken = this.orders.take({ orderNo: orderid, product, account: phoneno, quantity: 1, callbackUrl: callback ?? this.settings.callbackUrl });
    if (taken.kind === 'duplicate') return juheAnswer('duplicateOrder', null, orderid);
    if (taken.kind === 'full') return juheAnswer('systemError');
    return juheAnswer('success', juheOnlineOrderResult(taken.order));
  }

  private orderState(params: Record<string, string>): SandboxResponse {
    if (params['key'] !== this.settings.key) return juheAnswer('invalidKey');
    const orderid = juheOrderIdSchema.safeParse(params['orderid']);
    if (!orderid.success) return juheAnswer('invalidOrderId');
    const order = this.orders.get(orderid.data);
    if (!order) return juheAnswer('orderNotFound', null, orderid.data);
    const result = {
      uordercash: order.product.priceYuan.toFixed(3),
      sporder_id: order.providerOrderId,
      game_state: juheGameState(order.state),
      ...(order.state === 'failed' ? { err_msg: order.reason ?? '' } : {}),
    };
    return juheAnswer('success', result, '查询成功');
  }
}
