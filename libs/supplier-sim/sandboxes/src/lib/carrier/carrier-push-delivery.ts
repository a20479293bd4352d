import { carrierCallbackForm, type CarrierPushParam, isCarrierPushAcknowledged } from '@supply-hub/supplier-protocols';
import type { CarrierKnobs } from './carrier-settings';
import type { CarrierTimers } from './carrier-timers';

export interface CarrierPushAnswerSeen {
  status: number;
  body: string;
}

/** Sends one push form to a callback URL; throws when no answer comes (refused, reset, timed out). */
export type CarrierPushTransport = (
  url: string,
  form: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal },
) => Promise<CarrierPushAnswerSeen>;

/** The real thing: an HTTP form POST, as the carrier sends it. */
export const httpFormPush: CarrierPushTransport = async (url, form, { timeoutMs, signal }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });
  return { status: response.status, body: await response.text() };
};

export type CarrierPushKind = 'push' | 'duplicate' | 'out-of-order' | 'abort';

/** What happened to one subscription's pushes so far. */
export interface CarrierPushCounts {
  /** Pushes made (each new checkpoint, abort, duplicate or replayed older push counts once). */
  sent: number;
  /** HTTP requests, retries included. */
  attempts: number;
  acknowledged: number;
  /** Attempts the receiver did not answer with the success JSON (or did not answer). */
  refused: number;
  retries: number;
  /** Pushes abandoned after the last retry. */
  gaveUp: number;
  duplicates: number;
  outOfOrder: number;
}

export const emptyPushCounts = (): CarrierPushCounts => ({
  sent: 0,
  attempts: 0,
  acknowledged: 0,
  refused: 0,
  retries: 0,
  gaveUp: 0,
  duplicates: 0,
  outOfOrder: 0,
});

/** Where a push goes and what it is counted against. */
export interface CarrierPushTarget {
  callbackUrl: string;
  salt?: string;
  counts: CarrierPushCounts;
  /** The receiver's last answer, shortened, for GET /sim/carrier/subscriptions. */
  lastAnswer?: string;
  /** False once the subscription is gone (reset, evicted): its retries stop. */
  isLive(): boolean;
}

const ANSWER_PREVIEW = 120;

/**
 * Pushes a param to a subscription's callback URL, signed with its salt, and retries (knobs.retries
 * times, knobs.retryDelayMs apart) until the receiver answers the success JSON. Resolves with the
 * first attempt's outcome; retries go on in the background on the sandbox's timers.
 */
export class CarrierPushDelivery {
  constructor(
    private readonly transport: CarrierPushTransport,
    private readonly timers: CarrierTimers,
    private readonly knobs: () => CarrierKnobs,
  ) {}

  push(target: CarrierPushTarget, param: CarrierPushParam, kind: CarrierPushKind): Promise<boolean> {
    target.counts.sent += 1;
    if (kind === 'duplicate') target.counts.duplicates += 1;
    if (kind === 'out-of-order') target.counts.outOfOrder += 1;
    // Serialised once: a duplicate or a retry carries exactly the same bytes and signature.
    const form = carrierCallbackForm(param, target.salt);
    return this.attempt(target, form, 0);
  }

  private async attempt(target: CarrierPushTarget, form: Record<string, string>, retry: number): Promise<boolean> {
    if (this.timers.closed || !target.isLive()) return false;
    target.counts.attempts += 1;
    let acknowledged = false;
    try {
      const answer = await this.transport(target.callbackUrl, form, { timeoutMs: this.knobs().pushTimeoutMs, signal: this.timers.signal });
      acknowledged = isCarrierPushAcknowledged(answer.status, answer.body);
      target.lastAnswer = `${answer.status} ${answer.body.slice(0, ANSWER_PREVIEW)}`;
    } catch (error) {
      target.lastAnswer = `no answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (acknowledged) {
      target.counts.acknowledged += 1;
      return true;
    }
    target.counts.refused += 1;
    const { retries, retryDelayMs } = this.knobs();
    if (retry >= retries || !target.isLive()) {
      target.counts.gaveUp += 1;
      return false;
    }
    this.timers.after(retryDelayMs, () => {
      target.counts.retries += 1;
      void this.attempt(target, form, retry + 1);
    });
    return false;
  }
}
