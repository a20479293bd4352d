import { carrierCallbackForm, type CarrierPushParam, isCarrierPushAcknowledged } from '@supply-hub/supplier-protocols';
import {
  type CallbackAnswerSeen,
  type CallbackCounts,
  CallbackDelivery,
  type CallbackTarget,
  emptyCallbackCounts,
  httpCallbackPost,
} from '../http/callback-delivery';
import type { CarrierKnobs } from './carrier-settings';
import type { CarrierTimers } from './carrier-timers';

export type CarrierPushAnswerSeen = CallbackAnswerSeen;

/** Sends one push form to a callback URL; throws when no answer comes (refused, reset, timed out). */
export type CarrierPushTransport = (
  url: string,
  form: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal },
) => Promise<CarrierPushAnswerSeen>;

/** The real thing: an HTTP form POST, as the carrier sends it. */
export const httpFormPush: CarrierPushTransport = (url, form, options) =>
  httpCallbackPost(url, { body: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded; charset=UTF-8' }, options);

export type CarrierPushKind = 'push' | 'duplicate' | 'out-of-order' | 'abort';

/** What happened to one subscription's pushes so far (refused: not answered with the success JSON). */
export interface CarrierPushCounts extends CallbackCounts {
  /** Pushes made (each new checkpoint, abort, duplicate or replayed older push counts once). */
  sent: number;
  duplicates: number;
  outOfOrder: number;
}

export const emptyPushCounts = (): CarrierPushCounts => ({ ...emptyCallbackCounts(), sent: 0, duplicates: 0, outOfOrder: 0 });

/** Where a push goes and what it is counted against. */
export interface CarrierPushTarget extends CallbackTarget {
  salt?: string;
  counts: CarrierPushCounts;
}

/**
 * Pushes a param to a subscription's callback URL, signed with its salt, and retries (knobs.retries
 * times, knobs.retryDelayMs apart) until the receiver answers the success JSON. Resolves with the
 * first attempt's outcome; retries go on in the background on the sandbox's timers.
 */
export class CarrierPushDelivery {
  private readonly delivery: CallbackDelivery;

  constructor(
    private readonly transport: CarrierPushTransport,
    timers: CarrierTimers,
    knobs: () => CarrierKnobs,
  ) {
    this.delivery = new CallbackDelivery(timers, () => {
      const { retries, retryDelayMs, pushTimeoutMs } = knobs();
      return { retries, retryDelayMs, timeoutMs: pushTimeoutMs };
    });
  }

  push(target: CarrierPushTarget, param: CarrierPushParam, kind: CarrierPushKind): Promise<boolean> {
    target.counts.sent += 1;
    if (kind === 'duplicate') target.counts.duplicates += 1;
    if (kind === 'out-of-order') target.counts.outOfOrder += 1;
    // Serialised once: a duplicate or a retry carries exactly the same bytes and signature.
    const form = carrierCallbackForm(param, target.salt);
    return this.delivery.deliver(
      target,
      (options) => this.transport(target.callbackUrl, form, options),
      (answer) => isCarrierPushAcknowledged(answer.status, answer.body),
    );
  }
}
