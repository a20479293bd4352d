import type { PurchasedCard, RechargeOrderState } from '@supply-hub/codes-domain';
import { decryptFuluCardPassword, FULU_ORDER_STATES, type FuluOrder, parseBeijingTime } from '@supply-hub/supplier-protocols';
import { reasonOf } from '../recharge-call-outcome';

/**
 * What a 福禄-style order says, in the port's words: untreated and processing are not final; success
 * carries the cards with their passwords decrypted; a success whose cards cannot be decrypted is
 * `unknown` (the codes exist but cannot be handed out; never reported as failed).
 */
export function fuluOrderState(order: FuluOrder, appSecret: string): RechargeOrderState {
  const providerOrderId = order.order_id;
  switch (order.order_state) {
    case FULU_ORDER_STATES.untreated:
    case FULU_ORDER_STATES.processing:
      return { state: 'processing', providerOrderId };
    case FULU_ORDER_STATES.failed:
      return { state: 'failed', reason: order.recharge_description || 'failed' };
    case FULU_ORDER_STATES.success: {
      let cards: PurchasedCard[] | undefined;
      try {
        cards = order.cards?.map((card) => ({
          code: card.card_number,
          password: decryptFuluCardPassword(card.card_pwd, appSecret),
          ...(card.card_deadline ? { expiresAt: isoOf(card.card_deadline) } : {}),
        }));
      } catch (error) {
        return { state: 'unknown', reason: `order ${order.customer_order_no} succeeded but its card passwords cannot be decrypted: ${reasonOf(error)}` };
      }
      const finishedAt = order.finish_time ? isoOf(order.finish_time) : undefined;
      return { state: 'success', providerOrderId, ...(cards ? { cards } : {}), ...(finishedAt ? { finishedAt } : {}) };
    }
  }
}

/** A Beijing time as ISO, or the text as it came when it is not one (kept, never thrown away). */
export function isoOf(beijingTime: string): string {
  try {
    return parseBeijingTime(beijingTime).toISOString();
  } catch {
    return beijingTime;
  }
}
