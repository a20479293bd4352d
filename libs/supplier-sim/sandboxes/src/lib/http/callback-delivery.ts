import type { CarrierTimers } from '../carrier/carrier-timers';

/** What a receiver answered to one callback. */
export interface CallbackAnswerSeen {
  status: number;
  body: string;
}

/** One callback request: its body as the provider serialises it, sent as is on every retry. */
export interface CallbackRequest {
  body: string;
  contentType: string;
}

/** Sends one callback to a URL; throws when no answer comes (refused, reset, timed out). */
export type CallbackTransport = (url: string, request: CallbackRequest, options: { timeoutMs: number; signal: AbortSignal }) => Promise<CallbackAnswerSeen>;

/** The real thing: an HTTP POST with fetch. */
export const httpCallbackPost: CallbackTransport = async (url, request, { timeoutMs, signal }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': request.contentType },
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });
  return { status: response.status, body: await response.text() };
};

/** What happened to a target's callbacks so far. */
export interface CallbackCounts {
  /** HTTP requests, retries included. */
  attempts: number;
  acknowledged: number;
  /** Attempts the receiver did not acknowledge (or did not answer). */
  refused: number;
  retries: number;
  /** Callbacks abandoned after the last retry. */
  gaveUp: number;
}

export const emptyCallbackCounts = (): CallbackCounts => ({ attempts: 0, acknowledged: 0, refused: 0, retries: 0, gaveUp: 0 });

/** Where callbacks go and what they are counted against. */
export interface CallbackTarget {
  callbackUrl: string;
  counts: CallbackCounts;
  /** The receiver's last answer, shortened, for the admin API. */
  lastAnswer?: string;
  /** False once the target is gone (reset, evicted): its retries stop. */
  isLive(): boolean;
}

export interface CallbackRetryKnobs {
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
}

const ANSWER_PREVIEW = 120;

type Send = (options: { timeoutMs: number; signal: AbortSignal }) => Promise<CallbackAnswerSeen>;

/**
 * Sends a callback (a carrier push, a recharge notify) and retries it, `retries` times `retryDelayMs`
 * apart, until the receiver acknowledges it in the protocol's words. Resolves with the first attempt's
 * outcome; retries go on in the background on the sandbox's timers.
 */
export class CallbackDelivery {
  constructor(
    private readonly timers: CarrierTimers,
    private readonly knobs: () => CallbackRetryKnobs,
  ) {}

  deliver(target: CallbackTarget, send: Send, acknowledges: (answer: CallbackAnswerSeen) => boolean): Promise<boolean> {
    return this.attempt(target, send, acknowledges, 0);
  }

  private async attempt(target: CallbackTarget, send: Send, acknowledges: (answer: CallbackAnswerSeen) => boolean, retry: number): Promise<boolean> {
    if (this.timers.closed || !target.isLive()) return false;
    target.counts.attempts += 1;
    let acknowledged = false;
    try {
      const answer = await send({ timeoutMs: this.knobs().timeoutMs, signal: this.timers.signal });
      acknowledged = acknowledges(answer);
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
      void this.attempt(target, send, acknowledges, retry + 1);
    });
    return false;
  }
}
