import { type CatalogWorld, JD_SOURCE, type SimOffer } from '@supply-hub/sim-catalog-data';
import {
  isJdOrderArea,
  JD_RESULT_CODES,
  JD_SUBMIT_STATES,
  jdOrderIdFormSchema,
  jdSelectJdOrderIdByThirdOrderFormSchema,
  jdSubmitOrderFormSchema,
  readJdOrderSkus,
} from '@supply-hub/supplier-protocols';
import type { SandboxResponse } from '../http/sandbox-response';
import { jdBadParameter, jdFail, jdFailWith, jdOk } from './jd-envelope';
import type { JdOrderLine } from './jd-order-records';
import type { JdOrderBook } from './jd-orders';
import { yuan } from './jd-records';

/** The order methods of the JD sandbox, by their short name. */
export const JD_ORDER_METHODS = [
  'order/submitOrder',
  'order/selectJdOrderIdByThirdOrder',
  'order/confirmOrder',
  'order/cancel',
  'order/selectJdOrder',
  'order/orderTrack',
] as const;
export type JdOrderMethod = (typeof JD_ORDER_METHODS)[number];

/**
 * The forms of JD's order methods read and answered in JD's envelope; the orders themselves live in
 * JdOrderBook. SKUs must be JD SKUs of the world, listed and with the units asked for. Area ids are
 * taken as jdOrderAreaOf writes them (JD province id, GB/T 2260 city code).
 */
export class JdOrderMethods {
  constructor(
    private readonly world: CatalogWorld,
    private readonly orders: JdOrderBook,
  ) {}

  handle(method: JdOrderMethod, form: Record<string, string>): SandboxResponse {
    switch (method) {
      case 'order/submitOrder':
        return this.submit(form);
      case 'order/selectJdOrderIdByThirdOrder':
        return this.idByThirdOrder(form);
      case 'order/confirmOrder':
        return this.withOrder(form, (jdOrderId) => {
          const outcome = this.orders.confirm(jdOrderId);
          if (outcome === 'already-confirmed') return jdFail(JD_RESULT_CODES.orderAlreadyConfirmed, '订单已确认');
          if (outcome === 'cancelled') return jdFail(JD_RESULT_CODES.orderNotFound, '订单已取消');
          return jdOk(true);
        });
      case 'order/cancel':
        return this.withOrder(form, (jdOrderId) =>
          this.orders.cancel(jdOrderId) === 'cancelled' ? jdOk(true) : jdFail(JD_RESULT_CODES.orderNotCancellable, '订单已确认，不能取消'),
        );
      case 'order/selectJdOrder':
        return this.withOrder(form, (jdOrderId) => jdOk(this.orders.detail(jdOrderId)));
      case 'order/orderTrack':
        return this.withOrder(form, (jdOrderId) => jdOk({ jdOrderId, orderTrack: this.orders.trackOf(jdOrderId) }));
    }
  }

  private submit(form: Record<string, string>): SandboxResponse {
    const parsed = jdSubmitOrderFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const request = parsed.data;
    // Idempotent on thirdOrder, checked before anything else: a retry gets the order it placed, even if
    // stock or prices moved since.
    const existing = this.orders.submitted(request.thirdOrder);
    if (existing) return jdFailWith(JD_RESULT_CODES.orderExists, `订单已存在: thirdOrder ${request.thirdOrder}`, existing);
    if (!isJdOrderArea(request)) return jdFail(JD_RESULT_CODES.invalidParameter, `参数错误: 地址 ${request.province}_${request.city} 不存在`);
    const lines: JdOrderLine[] = [];
    for (const { skuId, num } of readJdOrderSkus(request.sku)) {
      const offer = this.offerOf(String(skuId));
      if (!offer) return jdFail(JD_RESULT_CODES.invalidParameter, `参数错误: sku ${skuId} 不存在`);
      if (!offer.listed || offer.stock < num) return jdFail(JD_RESULT_CODES.orderSkuUnavailable, `商品 ${skuId} 无货或已下架`);
      // JD charges its own agreement price, whatever the form says.
      lines.push({ skuId, num, price: yuan(offer.supplyPriceFen), name: offer.title ?? offer.model });
    }
    const { order } = this.orders.submit({
      thirdOrder: request.thirdOrder,
      lines,
      area: areaOf(request),
      recipient: recipientOf(request),
      confirmed: request.submitState === JD_SUBMIT_STATES.direct,
    });
    return jdOk(order);
  }

  private idByThirdOrder(form: Record<string, string>): SandboxResponse {
    const parsed = jdSelectJdOrderIdByThirdOrderFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const jdOrderId = this.orders.jdOrderIdOf(parsed.data.thirdOrder);
    return jdOrderId === undefined ? jdFail(JD_RESULT_CODES.orderNotFound, `订单不存在: thirdOrder ${parsed.data.thirdOrder}`) : jdOk(jdOrderId);
  }

  private withOrder(form: Record<string, string>, answer: (jdOrderId: number) => SandboxResponse): SandboxResponse {
    const parsed = jdOrderIdFormSchema.safeParse(form);
    if (!parsed.success) return jdBadParameter(parsed.error);
    const jdOrderId = Number(parsed.data.jdOrderId);
    if (!this.orders.exists(jdOrderId)) return jdFail(JD_RESULT_CODES.orderNotFound, `订单不存在: ${parsed.data.jdOrderId}`);
    return answer(jdOrderId);
  }

  private offerOf(sku: string): SimOffer | null {
    const index = this.world.indexOf(JD_SOURCE.id, sku);
    return index === null ? null : this.world.offer(JD_SOURCE.id, index);
  }
}

function areaOf(request: { province: string; city: string; county: string; town?: string }) {
  return { province: request.province, city: request.city, county: request.county, town: request.town ?? '0' };
}

function recipientOf(request: { name: string; mobile: string; address: string }) {
  return { name: request.name, mobile: request.mobile, address: request.address };
}
