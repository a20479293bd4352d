import { ConflictError, NotFoundError } from '@supply-hub/errors';
import {
  CARRIER_PUSH_STATUSES,
  CARRIER_RESULT_V2,
  CARRIER_STATE_NAMES,
  CARRIER_STATES,
  type CarrierCheckpoint,
  type CarrierPushParam,
  type CarrierPushStatus,
  type CarrierState,
  carrierSubscribeFormSchema,
  type CarrierSubscribeParam,
  formatBeijingTime,
  isFinalCarrierState,
  parseBeijingTime,
} from '@supply-hub/supplier-protocols';
import type { SandboxResponse } from '../http/sandbox-response';
import type { SandboxGate } from '../simulation/sandbox-gate';
import { carrierFaultAnswers, carrierSubscribeAnswer } from './carrier-answers';
import { type CarrierPushCounts, CarrierPushDelivery, type CarrierPushTransport, emptyPushCounts } from './carrier-push-delivery';
import { type CarrierScenario, isExceptionNumber, type PlannedCheckpoint, planJourney } from './carrier-route';
import type { CarrierKnobs, CarrierKnobsPatch, CarrierNumberRequest, CarrierSimSettings } from './carrier-settings';
import { CarrierTimers } from './carrier-timers';

interface Subscription {
  id: string;
  company: string;
  number: string;
  callbackUrl: string;
  salt?: string;
  withArea: boolean;
  scenario: CarrierScenario;
  plan: PlannedCheckpoint[];
  /** Checkpoints reached so far, oldest first, as the protocol writes them. */
  reached: CarrierCheckpoint[];
  status: CarrierPushStatus;
  subscribedAt: number;
  lastPushAt?: number;
  nextPushAt?: number;
  timer?: NodeJS.Timeout;
  counts: CarrierPushCounts;
  lastAnswer?: string;
  isLive(): boolean;
}

/** A subscription as GET /sim/carrier/subscriptions shows it (never the salt). */
export interface CarrierSubscriptionView {
  company: string;
  number: string;
  callbackUrl: string;
  signed: boolean;
  scenario: CarrierScenario;
  /** polling, shutdown (journey over) or abort (stopped by POST /sim/carrier/abort; subscribe again to resume). */
  status: CarrierPushStatus;
  /** Checkpoints reached, of `steps`. */
  step: number;
  steps: number;
  state?: CarrierState;
  stateName?: string;
  subscribedAt: string;
  lastPushAt?: string;
  nextPushAt?: string;
  pushes: CarrierPushCounts;
  lastAnswer?: string;
}

export interface CarrierAdvanceResult {
  subscription: CarrierSubscriptionView;
  /** The receiver answered the new push's first attempt with the success JSON. */
  acknowledged: boolean;
}

/**
 * The carrier tracking sandbox (快递100 style): takes subscriptions, then walks each parcel through its
 * journey, pushing the whole history (newest first, signed with the salt) to the callback URL at every
 * checkpoint, on a timer (pushIntervalMs) or when advanced by the admin API. Faults of the push side
 * (duplicates, an older push after a newer one, receivers that do not acknowledge) are knobs; faults of
 * the subscribe call go through the shared gate ('carrier' family). Everything is in memory and bounded
 * by maxSubscriptions.
 */
export class CarrierSandbox {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly timers = new CarrierTimers();
  private readonly delivery: CarrierPushDelivery;
  private knobValues: CarrierKnobs;

  constructor(
    private readonly settings: CarrierSimSettings,
    private readonly seed: number | string,
    private readonly gate: SandboxGate,
    private readonly clock: () => number,
    private readonly random: () => number,
    transport: CarrierPushTransport,
  ) {
    this.knobValues = knobsOf(settings);
    this.delivery = new CarrierPushDelivery(transport, this.timers, () => this.knobValues);
  }

  /** POST /carrier/poll/subscribe with the form's fields. */
  handleSubscribe(form: Record<string, string>): Promise<SandboxResponse> {
    return this.gate.run(
      'carrier',
      'poll/subscribe',
      carrierFaultAnswers((n) => this.gate.choose(n)),
      () => this.subscribe(form),
    );
  }

  list(): { subscriptions: CarrierSubscriptionView[] } {
    return { subscriptions: [...this.subscriptions.values()].map((subscription) => this.view(subscription)) };
  }

  /** The next checkpoint of a number, pushed now (its timer starts again from now). */
  async advance(request: CarrierNumberRequest): Promise<CarrierAdvanceResult> {
    const subscription = this.find(request);
    if (subscription.status !== CARRIER_PUSH_STATUSES.polling) {
      throw new ConflictError(`${subscription.number} is ${subscription.status}: nothing to advance`, { status: subscription.status });
    }
    const acknowledged = await this.reachNext(subscription);
    return { subscription: this.view(subscription), acknowledged };
  }

  /** Gives up on a number as the real service does after 3 days without records or 60 without change: an abort push. */
  async abort(request: CarrierNumberRequest): Promise<CarrierAdvanceResult> {
    const subscription = this.find(request);
    if (subscription.status !== CARRIER_PUSH_STATUSES.polling) {
      throw new ConflictError(`${subscription.number} is ${subscription.status}: nothing to abort`, { status: subscription.status });
    }
    this.stopTimer(subscription);
    subscription.status = CARRIER_PUSH_STATUSES.abort;
    subscription.lastPushAt = this.clock();
    const message = request.message ?? (subscription.reached.length === 0 ? '3天查询无记录' : '60天无变化');
    const acknowledged = await this.delivery.push(
      subscription,
      this.param(subscription, subscription.reached.length, CARRIER_PUSH_STATUSES.abort, message),
      'abort',
    );
    return { subscription: this.view(subscription), acknowledged };
  }

  knobs(): CarrierKnobs {
    return { ...this.knobValues };
  }

  updateKnobs(patch: CarrierKnobsPatch): CarrierKnobs {
    const intervalChanged = patch.pushIntervalMs !== undefined && patch.pushIntervalMs !== this.knobValues.pushIntervalMs;
    this.knobValues = { ...this.knobValues, ...patch };
    if (intervalChanged) for (const subscription of this.subscriptions.values()) this.scheduleNext(subscription);
    return this.knobs();
  }

  /** Forgets every subscription and stops every timer; knobs back to their start values. */
  reset(): { subscriptions: number } {
    const count = this.subscriptions.size;
    this.timers.cancelAll();
    this.subscriptions.clear();
    this.knobValues = knobsOf(this.settings);
    return { subscriptions: count };
  }

  /** Nest calls this when the app closes: no push leaves afterwards. */
  onModuleDestroy(): void {
    this.timers.close();
    this.subscriptions.clear();
  }

  private subscribe(form: Record<string, string>): SandboxResponse {
    const parsed = carrierSubscribeFormSchema.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return carrierSubscribeAnswer('badParameter', issue ? `${issue.path.join('.') || 'form'} ${issue.message}` : undefined);
    }
    const param = parsed.data.param;
    if (param.key !== this.settings.key) return carrierSubscribeAnswer('invalidKey');
    const id = `${param.company}:${param.number}`;
    const existing = this.subscriptions.get(id);
    if (existing && existing.status !== CARRIER_PUSH_STATUSES.abort) return carrierSubscribeAnswer('duplicate');
    if (existing) {
      // Subscribing again after an abort resumes the journey where it stopped, to the new callback.
      Object.assign(existing, target(param), { status: CARRIER_PUSH_STATUSES.polling });
      this.scheduleNext(existing);
      return carrierSubscribeAnswer('accepted');
    }
    if (!this.makeRoom()) return carrierSubscribeAnswer('serverError', `sandbox holds ${this.settings.maxSubscriptions} subscriptions`);
    const scenario: CarrierScenario = isExceptionNumber(this.seed, param.number, this.knobValues.exceptionRate) ? 'exception' : 'delivered';
    const subscription: Subscription = {
      id,
      company: param.company,
      number: param.number,
      ...target(param),
      scenario,
      plan: planJourney(this.seed, param.company, param.number, scenario),
      reached: [],
      status: CARRIER_PUSH_STATUSES.polling,
      subscribedAt: this.clock(),
      counts: emptyPushCounts(),
      isLive: () => this.subscriptions.get(id) === subscription,
    };
    this.subscriptions.set(id, subscription);
    this.scheduleNext(subscription);
    return carrierSubscribeAnswer('accepted');
  }

  /** Reaches the next checkpoint and pushes it, then the duplicate and the older push when the knobs say so. */
  private async reachNext(subscription: Subscription): Promise<boolean> {
    const planned = subscription.plan[subscription.reached.length];
    if (!planned || subscription.status !== CARRIER_PUSH_STATUSES.polling) return false;
    const previous = subscription.reached.at(-1);
    // Whole seconds, strictly increasing: the protocol's times have no finer grain, and two checkpoints
    // of one parcel in the same second would leave "which is newer" to chance.
    const at = Math.max(Math.floor(this.clock() / 1000) * 1000, previous ? parseBeijingTime(previous.time).getTime() + 1000 : 0);
    const time = formatBeijingTime(at);
    const checkpoint: CarrierCheckpoint = { context: planned.context, time, ftime: time, status: CARRIER_STATE_NAMES[planned.state] };
    if (subscription.withArea) Object.assign(checkpoint, { areaCode: planned.areaCode, areaName: planned.areaName });
    subscription.reached.push(checkpoint);
    const step = subscription.reached.length;
    if (step === subscription.plan.length) subscription.status = CARRIER_PUSH_STATUSES.shutdown;
    this.scheduleNext(subscription);
    subscription.lastPushAt = this.clock();

    const param = this.param(subscription, step, subscription.status, '');
    const acknowledged = await this.delivery.push(subscription, param, 'push');
    if (this.random() < this.knobValues.duplicateRate) await this.delivery.push(subscription, param, 'duplicate');
    if (step >= 2 && this.random() < this.knobValues.outOfOrderRate) {
      await this.delivery.push(subscription, this.param(subscription, step - 1, CARRIER_PUSH_STATUSES.polling, ''), 'out-of-order');
    }
    return acknowledged;
  }

  /** The push after `step` checkpoints: the history up to it, newest first. Rebuilt byte for byte for a replay. */
  private param(subscription: Subscription, step: number, status: CarrierPushStatus, message: string): CarrierPushParam {
    const state = step > 0 ? subscription.plan[step - 1]!.state : CARRIER_STATES.inTransit;
    return {
      status,
      message,
      lastResult: {
        com: subscription.company,
        nu: subscription.number,
        state,
        ischeck: step > 0 && isFinalCarrierState(state) ? '1' : '0',
        data: subscription.reached.slice(0, step).reverse(),
      },
    };
  }

  private scheduleNext(subscription: Subscription): void {
    this.stopTimer(subscription);
    const interval = this.knobValues.pushIntervalMs;
    if (interval <= 0 || subscription.status !== CARRIER_PUSH_STATUSES.polling || subscription.reached.length >= subscription.plan.length) return;
    subscription.nextPushAt = this.clock() + interval;
    subscription.timer = this.timers.after(interval, () => {
      subscription.timer = undefined;
      void this.reachNext(subscription);
    });
  }

  private stopTimer(subscription: Subscription): void {
    this.timers.cancel(subscription.timer);
    subscription.timer = undefined;
    subscription.nextPushAt = undefined;
  }

  /** Room for one more: the oldest finished subscription goes when the sandbox is full; false if all are live. */
  private makeRoom(): boolean {
    if (this.subscriptions.size < this.settings.maxSubscriptions) return true;
    for (const [id, subscription] of this.subscriptions) {
      if (subscription.status !== CARRIER_PUSH_STATUSES.polling) {
        this.stopTimer(subscription);
        this.subscriptions.delete(id);
        return true;
      }
    }
    return false;
  }

  private find(request: CarrierNumberRequest): Subscription {
    if (request.company) {
      const subscription = this.subscriptions.get(`${request.company}:${request.number}`);
      if (subscription) return subscription;
    } else {
      for (const subscription of this.subscriptions.values()) if (subscription.number === request.number) return subscription;
    }
    throw new NotFoundError('carrier subscription', request.company ? `${request.company}:${request.number}` : request.number);
  }

  private view(subscription: Subscription): CarrierSubscriptionView {
    const step = subscription.reached.length;
    const state = step > 0 ? subscription.plan[step - 1]!.state : undefined;
    const view: CarrierSubscriptionView = {
      company: subscription.company,
      number: subscription.number,
      callbackUrl: subscription.callbackUrl,
      signed: subscription.salt !== undefined,
      scenario: subscription.scenario,
      status: subscription.status,
      step,
      steps: subscription.plan.length,
      subscribedAt: new Date(subscription.subscribedAt).toISOString(),
      pushes: { ...subscription.counts },
    };
    if (state !== undefined) Object.assign(view, { state, stateName: CARRIER_STATE_NAMES[state] });
    if (subscription.lastPushAt !== undefined) view.lastPushAt = new Date(subscription.lastPushAt).toISOString();
    if (subscription.nextPushAt !== undefined) view.nextPushAt = new Date(subscription.nextPushAt).toISOString();
    if (subscription.lastAnswer !== undefined) view.lastAnswer = subscription.lastAnswer;
    return view;
  }
}

function target(param: CarrierSubscribeParam): Pick<Subscription, 'callbackUrl' | 'salt' | 'withArea'> {
  const resultV2 = param.parameters.resultv2 ?? CARRIER_RESULT_V2.plain;
  return { callbackUrl: param.parameters.callbackurl, salt: param.parameters.salt, withArea: resultV2 !== CARRIER_RESULT_V2.plain };
}

function knobsOf(settings: CarrierSimSettings): CarrierKnobs {
  const { pushIntervalMs, duplicateRate, outOfOrderRate, exceptionRate, retries, retryDelayMs, pushTimeoutMs } = settings;
  return { pushIntervalMs, duplicateRate, outOfOrderRate, exceptionRate, retries, retryDelayMs, pushTimeoutMs };
}
