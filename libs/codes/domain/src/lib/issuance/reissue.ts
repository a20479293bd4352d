import type { RechargeOrderState } from '../providers/recharge-provider';
import { isTerminalIssuance, type Issuance, type ProviderAttempt, type ReissueVerdict } from './issuance';

/** The delivery of a line a new after-sales case is about, or why there is none to judge now. */
export type ReissueSubject =
  | { ok: true; subject: Issuance }
  | { ok: false; why: 'unsettled' | 'never-delivered'; message: string };

/**
 * Which delivery of the line a case is about, from the line's original issuance and its earlier reissues
 * in the order they came: the latest one that was issued. A line reissued before is judged by that
 * reissue, so a second case never asks the provider about a top-up that was already replaced (and then
 * credits it a third time). Nothing to judge while a delivery is still in flight (it may yet arrive), nor
 * when none ever arrived (a failed line was refunded; reissuing it would give the member both).
 */
export function reissueSubjectOf(deliveries: readonly Issuance[]): ReissueSubject {
  const inFlight = deliveries.find((delivery) => !isTerminalIssuance(delivery.status));
  if (inFlight) {
    return { ok: false, why: 'unsettled', message: `issuance ${inFlight.issuanceId} of the line is still ${inFlight.status}: it is judged once it settles` };
  }
  const subject = deliveries.findLast((delivery) => delivery.status === 'issued');
  if (!subject) return { ok: false, why: 'never-delivered', message: 'the line was never issued (it failed and was refunded): there is nothing to reissue' };
  return { ok: true, subject };
}

/** How a delivery is verified: by asking the provider about the attempt that delivered it, or not at all. */
export type ReissueCheck = { do: 'ask'; attempt: ProviderAttempt } | { do: 'none'; verdict: 'not-verifiable' };

/**
 * A top-up or a card bought live was delivered by one provider attempt, which that provider can be asked
 * about. Pool codes and mall coupons have nobody to ask: whether the member's code worked is their word.
 */
export function reissueCheckOf(subject: Issuance): ReissueCheck {
  if (subject.fulfilment === 'top-up' || subject.fulfilment === 'card-purchase') {
    const attempt = subject.attempts.findLast((candidate) => candidate.state === 'success');
    if (attempt) return { do: 'ask', attempt };
  }
  return { do: 'none', verdict: 'not-verifiable' };
}

/**
 * The verdict in the provider's answer about the delivering attempt, or undefined when the answer says
 * nothing yet. Success: it was delivered, nothing is issued again. A confirmed failure, or no such order
 * at the provider: it was not. A timeout or an order still in progress is no verdict (never a reason to
 * credit the member twice): the request is tried again later.
 */
export function reissueVerdictOf(answer: RechargeOrderState): ReissueVerdict | undefined {
  switch (answer.state) {
    case 'success':
      return 'confirmed-delivered';
    case 'failed':
    case 'not-found':
      return 'confirmed-not-delivered';
    case 'processing':
    case 'unknown':
      return undefined;
  }
}

/** The reason given to the case (and the mall) when the provider confirms the delivery was made. */
export function confirmedDeliveredReason(subject: Pick<Issuance, 'fulfilment'>, attempt: Pick<ProviderAttempt, 'providerId' | 'orderNo'>): string {
  const what = subject.fulfilment === 'card-purchase' ? 'the original cards were delivered' : 'the original was credited';
  return `the provider confirms ${what} (${attempt.providerId}, order ${attempt.orderNo}); nothing is issued again`;
}
