import { ConflictError, NotFoundError } from '@supply-hub/errors';
import { formatBeijingTime, md5Hex } from '@supply-hub/supplier-protocols';
import type { CarrierTimers } from '../carrier/carrier-timers';
import type { CallbackDelivery, CallbackTransport } from '../http/callback-delivery';
import { emptyNotifyCounts, type RechargeNotifier, type RechargeSimCard, type RechargeSimOrder } from './recharge-order';
import type { RechargeProduct } from './recharge-products';
import type { RechargeKnobs, RechargeProviderName } from './recharge-settings';

const CARD_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;
const DEFAULT_FAILURE = '充值失败';

export interface NewRechargeOrder {
  orderNo: string;
  product: RechargeProduct;
  account?: string;
  quantity: number;
  callbackUrl?: string;
}

export type RechargeTakeResult = { kind: 'created'; order: RechargeSimOrder } | { kind: 'duplicate'; order: RechargeSimOrder } | { kind: 'full' };

/** What an order book shares with its provider's sandbox. */
export interface RechargeBookContext {
  provider: RechargeProviderName;
  /** Prefix of the provider's order ids (FL, J). */
  idPrefix: string;
  seed: number | string;
  maxOrders: number;
  knobs: () => RechargeKnobs;
  clock: () => number;
  random: () => number;
  timers: CarrierTimers;
  delivery: CallbackDelivery;
  transport: CallbackTransport;
  notifier: RechargeNotifier;
}

/**
 * One provider's orders, in memory: taken as processing (a repeated order number refused), finished
 * after completionDelayMs (or when told) as planned from the account, then notified — dropped, late,
 * twice or badly signed as the knobs say, and retried until the receiver answers the ack text. A
 * finished order never moves again.
 */
export class RechargeOrderBook {
  private readonly orders = new Map<string, RechargeSimOrder>();
  private sequence = 0;

  constructor(private readonly context: RechargeBookContext) {}

  get size(): number {
    return this.orders.size;
  }

  take(request: NewRechargeOrder): RechargeTakeResult {
    const existing = this.orders.get(request.orderNo);
    if (existing) return { kind: 'duplicate', order: existing };
    if (!this.makeRoom()) return { kind: 'full' };
    const now = this.context.clock();
    const knobs = this.context.knobs();
    const order: RechargeSimOrder = {
      provider: this.context.provider,
      orderNo: request.orderNo,
      providerOrderId: this.nextProviderOrderId(now),
      product: request.product,
      quantity: request.quantity,
      state: 'processing',
      createdAt: now,
      planned: plannedOutcome(request.account, knobs),
      notifies: emptyNotifyCounts(),
      ...(request.account !== undefined ? { account: request.account } : {}),
    };
    if (request.callbackUrl)
      order.notifyTarget = { callbackUrl: request.callbackUrl, counts: order.notifies, isLive: () => this.orders.get(order.orderNo) === order };
    this.orders.set(order.orderNo, order);
    if (knobs.completionDelayMs > 0) {
      order.dueAt = now + knobs.completionDelayMs;
      order.timer = this.context.timers.after(knobs.completionDelayMs, () => {
        order.timer = undefined;
        void this.finish(order);
      });
    }
    return { kind: 'created', order };
  }

  get(orderNo: string): RechargeSimOrder | undefined {
    return this.orders.get(orderNo);
  }

  list(): RechargeSimOrder[] {
    return [...this.orders.values()];
  }

  /** Ends a processing order now (as planned, or as told) and notifies; the first notify attempt's outcome. */
  async complete(
    orderNo: string,
    outcome?: { state: 'success' } | { state: 'failed'; reason?: string },
  ): Promise<{ order: RechargeSimOrder; acknowledged?: boolean }> {
    const order = this.orders.get(orderNo);
    if (!order) throw new NotFoundError(`${this.context.provider} recharge order`, orderNo);
    if (order.state !== 'processing') throw new ConflictError(`${orderNo} is ${order.state}: a finished order never moves again`, { state: order.state });
    this.context.timers.cancel(order.timer);
    order.timer = undefined;
    if (outcome) order.planned = outcome.state === 'success' ? outcome : { state: 'failed', reason: outcome.reason ?? DEFAULT_FAILURE };
    const acknowledged = await this.finish(order);
    return { order, ...(acknowledged !== undefined ? { acknowledged } : {}) };
  }

  /** Forgets every order (their timers are the sandbox's to cancel). */
  clear(): number {
    const count = this.orders.size;
    this.orders.clear();
    return count;
  }

  private async finish(order: RechargeSimOrder): Promise<boolean | undefined> {
    if (order.state !== 'processing') return undefined;
    const now = this.context.clock();
    order.finishedAt = now;
    order.dueAt = undefined;
    if (order.planned.state === 'failed') {
      order.state = 'failed';
      order.reason = order.planned.reason;
    } else {
      order.state = 'success';
      if (order.product.kind === 'card') order.cards = this.cardsOf(order, now);
      else order.operatorSerial = `SN${md5Hex(`${this.context.seed}:serial:${order.orderNo}`).slice(0, 12).toUpperCase()}`;
    }
    return this.notify(order);
  }

  /** Sends the order's notify as the knobs say; undefined when none went out now (no callback, dropped, late). */
  private async notify(order: RechargeSimOrder): Promise<boolean | undefined> {
    const target = order.notifyTarget;
    if (!target) return undefined;
    const knobs = this.context.knobs();
    const { random, notifier, timers } = this.context;
    if (random() < knobs.notifyDropRate) {
      order.notifies.dropped += 1;
      return undefined;
    }
    const badSign = random() < knobs.notifyBadSignRate;
    if (badSign) order.notifies.badSigned += 1;
    // Serialised once: a retry or a duplicate carries the same bytes.
    const request = notifier.request(order, badSign);
    const send = () => {
      order.notifies.sent += 1;
      return this.context.delivery.deliver(
        target,
        (options) => this.context.transport(target.callbackUrl, request, options),
        (answer) => answer.status >= 200 && answer.status < 300 && answer.body.trim() === notifier.ack,
      );
    };
    const sendAll = async () => {
      const acknowledged = await send();
      if (random() < knobs.notifyDuplicateRate) {
        order.notifies.duplicates += 1;
        await send();
      }
      return acknowledged;
    };
    if (knobs.notifyDelayMs > 0) {
      timers.after(knobs.notifyDelayMs, () => void sendAll());
      return undefined;
    }
    return sendAll();
  }

  private cardsOf(order: RechargeSimOrder, now: number): RechargeSimCard[] {
    return Array.from({ length: order.quantity }, (_, index) => {
      const digest = md5Hex(`${this.context.seed}:card:${order.orderNo}:${index}`);
      const number = (BigInt(`0x${digest.slice(0, 15)}`) % 10n ** 16n).toString().padStart(16, '0');
      const password = digest.slice(16, 32).toUpperCase().match(/.{4}/g)!.join('-');
      return { number, password, expiresAt: now + CARD_VALIDITY_MS };
    });
  }

  private nextProviderOrderId(now: number): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    return `${this.context.idPrefix}${formatBeijingTime(now).replace(/\D/g, '').slice(2)}${String(this.sequence).padStart(6, '0')}`;
  }

  /** Room for one more: the oldest finished order goes when the book is full; false if every order is processing. */
  private makeRoom(): boolean {
    if (this.orders.size < this.context.maxOrders) return true;
    for (const [orderNo, order] of this.orders) {
      if (order.state !== 'processing') {
        this.orders.delete(orderNo);
        return true;
      }
    }
    return false;
  }
}

/** The deterministic failures: accounts ending in the knobs' suffixes. */
function plannedOutcome(account: string | undefined, knobs: RechargeKnobs): RechargeSimOrder['planned'] {
  if (account !== undefined && knobs.suspendedSuffix && account.endsWith(knobs.suspendedSuffix)) return { state: 'failed', reason: '号码已停机' };
  if (account !== undefined && knobs.maintenanceSuffix && account.endsWith(knobs.maintenanceSuffix)) return { state: 'failed', reason: '运营商维护' };
  return { state: 'success' };
}
