import { FULU_NOTIFY_ACK, JUHE_NOTIFY_ACK } from '@supply-hub/supplier-protocols';
import { CarrierTimers } from '../carrier/carrier-timers';
import { CallbackDelivery, type CallbackTransport } from '../http/callback-delivery';
import { fuluNotifyRequest } from './fulu-answers';
import { juheNotifyRequest } from './juhe-answers';
import { type RechargeNotifier, type RechargeOrderView, rechargeOrderView } from './recharge-order';
import { RechargeOrderBook } from './recharge-order-book';
import {
  RECHARGE_PROVIDERS,
  type RechargeCompleteRequest,
  type RechargeKnobs,
  type RechargeKnobsPatch,
  type RechargeOrdersQuery,
  type RechargeProviderName,
  type RechargeSimSettings,
} from './recharge-settings';

export interface RechargeCompleteResult {
  order: RechargeOrderView;
  /** Whether the receiver acknowledged the first notify attempt; absent when none went out now. */
  acknowledged?: boolean;
}

/**
 * Both recharge provider sandboxes' state: an order book each, their knobs, and the timers behind
 * completions and notifies (all cancelled by reset and when the app closes, so nothing is sent after a
 * test has finished). The protocols themselves are FuluGateway and JuheApi.
 */
export class RechargeSandbox {
  readonly books: Readonly<Record<RechargeProviderName, RechargeOrderBook>>;
  private readonly timers = new CarrierTimers();
  private knobValues: Record<RechargeProviderName, RechargeKnobs>;

  constructor(
    private readonly settings: RechargeSimSettings,
    seed: number | string,
    clock: () => number,
    random: () => number,
    transport: CallbackTransport,
  ) {
    this.knobValues = this.startKnobs();
    const book = (provider: RechargeProviderName, idPrefix: string, notifier: RechargeNotifier) => {
      const knobs = () => this.knobValues[provider];
      const delivery = new CallbackDelivery(this.timers, () => ({
        retries: knobs().notifyRetries,
        retryDelayMs: knobs().notifyRetryDelayMs,
        timeoutMs: knobs().notifyTimeoutMs,
      }));
      return new RechargeOrderBook({
        provider,
        idPrefix,
        seed,
        maxOrders: settings.maxOrders,
        knobs,
        clock,
        random,
        timers: this.timers,
        delivery,
        transport,
        notifier,
      });
    };
    this.books = {
      fulu: book('fulu', 'FL', { ack: FULU_NOTIFY_ACK, request: (order, badSign) => fuluNotifyRequest(order, settings.fulu.appSecret, badSign) }),
      juhe: book('juhe', 'J', { ack: JUHE_NOTIFY_ACK, request: (order, badSign) => juheNotifyRequest(order, settings.juhe.key, badSign) }),
    };
  }

  /** Orders of one or both providers, oldest first. */
  list(query: RechargeOrdersQuery = {}): { orders: RechargeOrderView[] } {
    const providers = query.provider ? [query.provider] : RECHARGE_PROVIDERS;
    const orders = providers
      .flatMap((provider) => this.books[provider].list())
      .filter((order) => (!query.state || order.state === query.state) && (!query.orderNo || order.orderNo === query.orderNo))
      .sort((a, b) => a.createdAt - b.createdAt);
    return { orders: orders.map(rechargeOrderView) };
  }

  /** Ends a processing order now and notifies (for deterministic tests with completionDelayMs 0). */
  async complete(request: RechargeCompleteRequest): Promise<RechargeCompleteResult> {
    const outcome =
      request.outcome === 'failed' ? { state: 'failed' as const, reason: request.reason } : request.outcome ? { state: 'success' as const } : undefined;
    const { order, acknowledged } = await this.books[request.provider].complete(request.orderNo, outcome);
    return { order: rechargeOrderView(order), ...(acknowledged !== undefined ? { acknowledged } : {}) };
  }

  knobs(): Record<RechargeProviderName, RechargeKnobs> {
    return structuredClone(this.knobValues);
  }

  updateKnobs(patch: RechargeKnobsPatch): Record<RechargeProviderName, RechargeKnobs> {
    for (const provider of RECHARGE_PROVIDERS) this.knobValues[provider] = { ...this.knobValues[provider], ...patch[provider] };
    return this.knobs();
  }

  /** Forgets every order and stops every timer; knobs back to their start values. */
  reset(): { orders: number } {
    this.timers.cancelAll();
    const orders = RECHARGE_PROVIDERS.reduce((sum, provider) => sum + this.books[provider].clear(), 0);
    this.knobValues = this.startKnobs();
    return { orders };
  }

  /** Nest calls this when the app closes: no notify leaves afterwards. */
  onModuleDestroy(): void {
    this.timers.close();
    for (const provider of RECHARGE_PROVIDERS) this.books[provider].clear();
  }

  private startKnobs(): Record<RechargeProviderName, RechargeKnobs> {
    return { fulu: { ...this.settings.knobs }, juhe: { ...this.settings.knobs } };
  }
}
