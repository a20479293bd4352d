import { type CallbackCounts, type CallbackRequest, type CallbackTarget, emptyCallbackCounts } from '../http/callback-delivery';
import type { RechargeProduct } from './recharge-products';
import type { RechargeProviderName } from './recharge-settings';

export type RechargeSimState = 'processing' | 'success' | 'failed';

/** A bought card in plaintext (the 福禄-style answer encrypts the password). */
export interface RechargeSimCard {
  number: string;
  password: string;
  /** Valid until, ms since epoch. */
  expiresAt: number;
}

/** What happened to an order's notifies (refused: not answered with the ack text). */
export interface RechargeNotifyCounts extends CallbackCounts {
  /** Notifies made (a duplicate counts again; retries do not). */
  sent: number;
  dropped: number;
  duplicates: number;
  badSigned: number;
}

export const emptyNotifyCounts = (): RechargeNotifyCounts => ({ ...emptyCallbackCounts(), sent: 0, dropped: 0, duplicates: 0, badSigned: 0 });

/** One order as a provider sandbox holds it; a notify target when it has a callback URL. */
export interface RechargeSimOrder {
  provider: RechargeProviderName;
  /** Ours (customer_order_no / orderid). */
  orderNo: string;
  /** The provider's. */
  providerOrderId: string;
  product: RechargeProduct;
  account?: string;
  quantity: number;
  state: RechargeSimState;
  /** Why it failed (号码已停机 …). */
  reason?: string;
  createdAt: number;
  finishedAt?: number;
  dueAt?: number;
  /** Decided when the order is taken (from the account), carried out when it completes. */
  planned: { state: 'success' } | { state: 'failed'; reason: string };
  cards?: RechargeSimCard[];
  operatorSerial?: string;
  notifies: RechargeNotifyCounts;
  /** Where its notifies go (the counts are `notifies`); absent when there is no callback URL. */
  notifyTarget?: CallbackTarget;
  timer?: NodeJS.Timeout;
}

/** A provider's notify in its own words: the signed body, and what the receiver must answer. */
export interface RechargeNotifier {
  /** The success text the receiver answers (`success`). */
  readonly ack: string;
  /** The notify of a finished order; `badSign` signs it with a wrong key. */
  request(order: RechargeSimOrder, badSign: boolean): CallbackRequest;
}

/** An order for the admin API and tests. */
export interface RechargeOrderView {
  provider: RechargeProviderName;
  orderNo: string;
  providerOrderId: string;
  productId: string;
  productName: string;
  account?: string;
  quantity: number;
  state: RechargeSimState;
  reason?: string;
  createdAt: string;
  finishedAt?: string;
  dueAt?: string;
  cards?: number;
  callbackUrl?: string;
  notifies: RechargeNotifyCounts;
  lastNotifyAnswer?: string;
}

export function rechargeOrderView(order: RechargeSimOrder): RechargeOrderView {
  const view: RechargeOrderView = {
    provider: order.provider,
    orderNo: order.orderNo,
    providerOrderId: order.providerOrderId,
    productId: order.product.productId,
    productName: order.product.name,
    quantity: order.quantity,
    state: order.state,
    createdAt: new Date(order.createdAt).toISOString(),
    notifies: { ...order.notifies },
  };
  if (order.account !== undefined) view.account = order.account;
  if (order.reason !== undefined) view.reason = order.reason;
  if (order.finishedAt !== undefined) view.finishedAt = new Date(order.finishedAt).toISOString();
  if (order.dueAt !== undefined) view.dueAt = new Date(order.dueAt).toISOString();
  if (order.cards) view.cards = order.cards.length;
  if (order.notifyTarget) view.callbackUrl = order.notifyTarget.callbackUrl;
  if (order.notifyTarget?.lastAnswer !== undefined) view.lastNotifyAnswer = order.notifyTarget.lastAnswer;
  return view;
}
