import { ConflictError, NotFoundError } from '@supply-hub/errors';
import {
  formatBeijingTime,
  JD_MESSAGE_TYPES,
  JD_ORDER_STATES,
  JD_ORDER_VALIDITY,
  type JdOrderDetail,
  type JdSubmitOrderResult,
  type JdTrackEntry,
  parseBeijingTime,
} from '@supply-hub/supplier-protocols';
import { CarrierTimers } from '../carrier/carrier-timers';
import type { JdMessageQueue } from './jd-messages';
import {
  confirmedStep,
  courierOf,
  isRejectedOrder,
  type JdOrderScenario,
  type JdPlannedStep,
  planJdOrderJourney,
  rejectedStep,
  submittedStep,
  trackCityOf,
} from './jd-order-journey';
import { isMoving, type JdOrderView, type JdSimOrder, type NewJdOrder, submitResultOf, viewOf } from './jd-order-records';
import type { JdOrderKnobs, JdOrderKnobsPatch, JdOrderRequest, JdOrderSimSettings } from './jd-order-settings';

/** JD's free-shipping threshold in yuan (unsure: the usual 99), and the freight below it. */
const FREE_FREIGHT_FROM = 99;
const FREIGHT = 6;

/**
 * The JD sandbox's orders, in memory: submitted (idempotent on thirdOrder), confirmed or cancelled,
 * then walked to the door on a timer (stepIntervalMs) or when advanced by the admin API. Reaching 妥投
 * or 拒收 sets the order's state and queues a type-5 message; a cancel queues a type-10 one.
 */
export class JdOrderBook {
  private readonly orders = new Map<number, JdSimOrder>();
  private readonly byThirdOrder = new Map<string, number>();
  private readonly timers = new CarrierTimers();
  private knobValues: JdOrderKnobs;
  // Ids keep counting across resets (a reset must not hand a known id to a new order), and start from
  // the sandbox's start second so a restarted sandbox does not reuse the ids an order-router may hold.
  private nextId: number;

  constructor(
    private readonly settings: JdOrderSimSettings,
    private readonly seed: number | string,
    private readonly messages: JdMessageQueue,
    private readonly clock: () => number,
  ) {
    this.knobValues = knobsOf(settings);
    this.nextId = 200_000_000_000 + (Math.floor(clock() / 1000) % 10_000_000) * 1000;
  }

  /** The existing order of this thirdOrder, or a new one. */
  submit(input: NewJdOrder): { created: boolean; order: JdSubmitOrderResult } {
    const existing = this.findByThirdOrder(input.thirdOrder);
    if (existing) return { created: false, order: submitResultOf(existing) };
    this.makeRoom();
    const orderPrice = round2(input.lines.reduce((sum, line) => sum + line.price * line.num, 0));
    const scenario: JdOrderScenario = isRejectedOrder(this.seed, input.thirdOrder, this.knobValues.rejectRate) ? 'rejected' : 'delivered';
    const order: JdSimOrder = {
      ...input,
      confirmed: false,
      jdOrderId: this.nextId++,
      freight: orderPrice >= FREE_FREIGHT_FROM ? 0 : FREIGHT,
      orderPrice,
      cancelled: false,
      state: JD_ORDER_STATES.new,
      scenario,
      plan: planJdOrderJourney(this.seed, input.thirdOrder, trackCityOf(input.area), scenario),
      step: 0,
      track: [],
      createdAt: this.clock(),
    };
    this.orders.set(order.jdOrderId, order);
    this.byThirdOrder.set(order.thirdOrder, order.jdOrderId);
    this.addTrack(order, submittedStep());
    if (input.confirmed) this.confirm(order.jdOrderId);
    return { created: true, order: submitResultOf(order) };
  }

  /** What submitOrder answered for this thirdOrder, if it was submitted. */
  submitted(thirdOrder: string): JdSubmitOrderResult | undefined {
    const order = this.findByThirdOrder(thirdOrder);
    return order ? submitResultOf(order) : undefined;
  }

  jdOrderIdOf(thirdOrder: string): number | undefined {
    return this.byThirdOrder.get(thirdOrder);
  }

  exists(jdOrderId: number): boolean {
    return this.orders.has(jdOrderId);
  }

  confirm(jdOrderId: number): 'confirmed' | 'already-confirmed' | 'cancelled' {
    const order = this.get(jdOrderId);
    if (order.cancelled) return 'cancelled';
    if (order.confirmed) return 'already-confirmed';
    order.confirmed = true;
    this.addTrack(order, confirmedStep(trackCityOf(order.area)));
    this.scheduleNext(order);
    return 'confirmed';
  }

  /** Only an unconfirmed order can be cancelled. */
  cancel(jdOrderId: number): 'cancelled' | 'not-cancellable' {
    const order = this.get(jdOrderId);
    if (order.cancelled) return 'cancelled';
    if (order.confirmed) return 'not-cancellable';
    order.cancelled = true;
    this.addTrack(order, { content: '您的订单已取消', operator: '客户' });
    this.messages.enqueueOrder(JD_MESSAGE_TYPES.orderCancelled, this.clock(), { orderId: order.jdOrderId });
    return 'cancelled';
  }

  detail(jdOrderId: number): JdOrderDetail {
    const order = this.get(jdOrderId);
    return {
      ...submitResultOf(order),
      state: order.state,
      submitState: order.confirmed ? 1 : 0,
      orderState: order.cancelled ? JD_ORDER_VALIDITY.cancelled : JD_ORDER_VALIDITY.valid,
      thirdOrder: order.thirdOrder,
    };
  }

  trackOf(jdOrderId: number): JdTrackEntry[] {
    return [...this.get(jdOrderId).track];
  }

  list(filter: { thirdOrder?: string } = {}): { orders: JdOrderView[] } {
    const orders = [...this.orders.values()].filter((order) => filter.thirdOrder === undefined || order.thirdOrder === filter.thirdOrder);
    return { orders: orders.map((order) => viewOf(order)) };
  }

  /** The next step of a confirmed order, now (its timer starts again from now). */
  advance(request: JdOrderRequest): JdOrderView {
    const order = this.find(request);
    this.assertMoving(order, 'advance');
    this.reachNext(order);
    return viewOf(order);
  }

  /** The recipient refuses a confirmed order now: 拒收, state 2, a type-5 message. */
  reject(request: JdOrderRequest): JdOrderView {
    const order = this.find(request);
    this.assertMoving(order, 'reject');
    order.scenario = 'rejected';
    order.plan = [...order.plan.slice(0, order.step), rejectedStep(courierOf(this.seed, order.thirdOrder), request.reason)];
    this.reachNext(order);
    return viewOf(order);
  }

  knobs(): JdOrderKnobs {
    return { ...this.knobValues };
  }

  updateKnobs(patch: JdOrderKnobsPatch): JdOrderKnobs {
    const intervalChanged = patch.stepIntervalMs !== undefined && patch.stepIntervalMs !== this.knobValues.stepIntervalMs;
    this.knobValues = { ...this.knobValues, ...patch };
    if (intervalChanged) for (const order of this.orders.values()) this.scheduleNext(order);
    return this.knobs();
  }

  /** Forgets every order and stops every timer; knobs back to their start values (ids keep counting). */
  reset(): { orders: number } {
    const count = this.orders.size;
    this.timers.cancelAll();
    this.orders.clear();
    this.byThirdOrder.clear();
    this.knobValues = knobsOf(this.settings);
    return { orders: count };
  }

  get size(): number {
    return this.orders.size;
  }

  /** Nest calls this when the app closes: no step is taken afterwards. */
  onModuleDestroy(): void {
    this.timers.close();
  }

  private reachNext(order: JdSimOrder): void {
    const planned = order.plan[order.step];
    if (!planned) return;
    order.step++;
    this.addTrack(order, planned);
    if (planned.final) {
      order.state = planned.final === 'delivered' ? JD_ORDER_STATES.delivered : JD_ORDER_STATES.rejected;
      this.messages.enqueueOrder(JD_MESSAGE_TYPES.orderDelivered, this.clock(), { orderId: order.jdOrderId, state: order.state });
    }
    this.scheduleNext(order);
  }

  private addTrack(order: JdSimOrder, step: JdPlannedStep): void {
    // Whole seconds, strictly increasing: the protocol's times have no finer grain, and two entries in
    // one second would leave their order to chance.
    const previous = order.track.at(-1);
    const at = Math.max(Math.floor(this.clock() / 1000) * 1000, previous ? parseBeijingTime(previous.msgTime).getTime() + 1000 : 0);
    order.track.push({ msgTime: formatBeijingTime(at), content: step.content, operator: step.operator });
  }

  private scheduleNext(order: JdSimOrder): void {
    this.timers.cancel(order.timer);
    order.timer = undefined;
    order.nextStepAt = undefined;
    const interval = this.knobValues.stepIntervalMs;
    if (interval <= 0 || !isMoving(order)) return;
    order.nextStepAt = this.clock() + interval;
    order.timer = this.timers.after(interval, () => {
      order.timer = undefined;
      if (this.orders.get(order.jdOrderId) === order) this.reachNext(order);
    });
  }

  private assertMoving(order: JdSimOrder, what: string): void {
    if (isMoving(order)) return;
    const status = order.cancelled ? 'cancelled' : !order.confirmed ? 'not confirmed' : order.state === JD_ORDER_STATES.delivered ? 'delivered' : 'rejected';
    throw new ConflictError(`JD order ${order.jdOrderId} is ${status}: nothing to ${what}`, { jdOrderId: order.jdOrderId, status });
  }

  private find(request: JdOrderRequest): JdSimOrder {
    const jdOrderId = request.jdOrderId !== undefined ? Number(request.jdOrderId) : this.byThirdOrder.get(request.thirdOrder ?? '');
    const order = jdOrderId === undefined ? undefined : this.orders.get(jdOrderId);
    if (!order) throw new NotFoundError('JD order', String(request.jdOrderId ?? request.thirdOrder));
    return order;
  }

  private get(jdOrderId: number): JdSimOrder {
    const order = this.orders.get(jdOrderId);
    if (!order) throw new NotFoundError('JD order', String(jdOrderId));
    return order;
  }

  private findByThirdOrder(thirdOrder: string): JdSimOrder | undefined {
    const jdOrderId = this.byThirdOrder.get(thirdOrder);
    return jdOrderId === undefined ? undefined : this.orders.get(jdOrderId);
  }

  /** Room for one more: the oldest finished order goes when the book is full (a live one never does). */
  private makeRoom(): void {
    if (this.orders.size < this.settings.maxOrders) return;
    for (const [jdOrderId, order] of this.orders) {
      if (isMoving(order) || (!order.confirmed && !order.cancelled)) continue;
      this.timers.cancel(order.timer);
      this.orders.delete(jdOrderId);
      this.byThirdOrder.delete(order.thirdOrder);
      return;
    }
  }
}

function knobsOf(settings: JdOrderSimSettings): JdOrderKnobs {
  return { stepIntervalMs: settings.stepIntervalMs, rejectRate: settings.rejectRate };
}

function round2(yuan: number): number {
  return Math.round(yuan * 100) / 100;
}
