import {
  checkDelayMs,
  codeFingerprint,
  type Issuance,
  maskAccount,
  planProviderStep,
  PROVIDERS_UNAVAILABLE_RETRY_MS,
  type ProviderAttempt,
  type PurchasedCard,
  type RechargeOrderState,
  type RechargeRequest,
  type RechargeSubmitResult,
  sealSecret,
  type VirtualProduct,
} from '@supply-hub/codes-domain';
import { type CodeDocument, slotOf } from '@supply-hub/codes-data-access';
import type { SerializedEvent } from '@supply-hub/contracts';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { moveIssuance } from '../shared/codes-events';

/** One write the saga wants made, and whether to look again right after it. */
export interface SagaWrite {
  /** Absent when there is nothing to store (only a provider call to make). */
  issuance?: Issuance;
  events?: SerializedEvent[];
  /** The provider call to make once this write is stored (an attempt is recorded before it is sent). */
  afterwards?: () => Promise<SagaWrite>;
  again?: boolean;
}

// An attempt recorded as submitting is looked at again after this long, in case the process dies mid-call.
const SUBMIT_GRACE_MS = 30_000;

/**
 * The next move of a provider-fulfilled issuance (top-up or bought card codes), following the protocol
 * notes: an attempt is recorded before it is sent; an unsettled attempt is queried, never sent elsewhere;
 * "no such order" after a lost answer means resend the same order number; only a confirmed failure goes
 * to the next provider.
 */
export function nextProviderMove(deps: CodesDependencies, issuance: Issuance, product: VirtualProduct): SagaWrite | undefined {
  const now = deps.clock.now();
  const available = (providerId: string) => deps.providers.get(providerId)?.isAvailable() ?? true;
  const step = planProviderStep(issuance, product, available, now);
  switch (step.do) {
    case 'nothing':
      return undefined;
    case 'fail':
      return moveIssuance(issuance, 'failed', step.reason, now);
    case 'wait': {
      if (issuance.status === 'processing' && issuance.nextCheckAt?.getTime() === step.until.getTime()) return undefined;
      const moved = issuance.status === 'processing' ? { issuance: { ...issuance }, events: [] } : moveIssuance(issuance, 'processing', step.why, now);
      return { ...moved, issuance: { ...moved.issuance, nextCheckAt: step.until } };
    }
    case 'submit': {
      const provider = deps.providers.get(step.providerId);
      const attempt: ProviderAttempt = { n: step.n, providerId: step.providerId, orderNo: step.orderNo, state: 'submitting', submittedAt: now, checks: 0 };
      if (!provider) {
        // Nothing was sent: a provider missing from the configuration is passed over like a refusal.
        return { issuance: { ...issuance, attempts: [...issuance.attempts, { ...attempt, state: 'failed', reason: `provider ${step.providerId} is not configured`, settledAt: now }] }, events: [], again: true };
      }
      const note = `sent to ${step.providerId} as ${step.orderNo}${issuance.account ? ` for ${maskAccount(issuance.account)}` : ''}`;
      const moved = moveIssuance({ ...issuance, attempts: [...issuance.attempts, attempt] }, 'processing', note, now);
      const recorded = { ...moved.issuance, nextCheckAt: new Date(now.getTime() + SUBMIT_GRACE_MS) };
      return {
        issuance: recorded,
        events: moved.events,
        afterwards: async () => {
          const result = await provider.submit(rechargeRequestOf(issuance, product, step.providerId, step.orderNo));
          return applyProviderAnswer(deps, recorded, step.n, result, product);
        },
      };
    }
    case 'query': {
      const provider = deps.providers.get(step.attempt.providerId);
      if (!provider) {
        // Said once on the timeline and looked at again later, not on every sweep: it stays visible as
        // stuck until the provider is configured again.
        const note = `provider ${step.attempt.providerId} is no longer configured; its order ${step.attempt.orderNo} cannot be checked`;
        const moved = issuance.timeline.at(-1)?.note === note ? { issuance: { ...issuance }, events: [] } : moveIssuance(issuance, 'processing', note, now);
        return { ...moved, issuance: { ...moved.issuance, nextCheckAt: new Date(now.getTime() + PROVIDERS_UNAVAILABLE_RETRY_MS) } };
      }
      return {
        afterwards: async () => {
          const state = await provider.query(step.attempt.orderNo);
          if (state.state === 'not-found' && (step.attempt.state === 'submitting' || step.attempt.state === 'unknown')) {
            // The lost submit never arrived: send the same order number again (never a new one).
            const result = await provider.submit(rechargeRequestOf(issuance, product, step.attempt.providerId, step.attempt.orderNo));
            return applyProviderAnswer(deps, issuance, step.attempt.n, result, product);
          }
          return applyProviderAnswer(deps, issuance, step.attempt.n, state, product);
        },
      };
    }
  }
}

function rechargeRequestOf(issuance: Issuance, product: VirtualProduct, providerId: string, orderNo: string): RechargeRequest {
  return {
    orderNo,
    kind: product.fulfilment === 'card-purchase' ? 'card' : product.accountKind === 'mobile' ? 'mobile' : 'direct',
    providerProductId: product.providers.find((route) => route.providerId === providerId)?.providerProductId ?? '',
    ...(issuance.account ? { account: issuance.account } : {}),
    faceValueFen: product.faceValueFen,
    quantity: issuance.quantity,
  };
}

/**
 * What an answer (to a submit, a query or a notify) means for attempt `n`. A settled attempt never
 * moves again: a late or repeated answer changes nothing.
 */
export async function applyProviderAnswer(
  deps: CodesDependencies,
  issuance: Issuance,
  n: number,
  answer: RechargeSubmitResult | RechargeOrderState,
  product: Pick<VirtualProduct, 'faceValueFen'>,
): Promise<SagaWrite> {
  const now = deps.clock.now();
  const attempt = issuance.attempts.find((candidate) => candidate.n === n);
  if (!attempt || attempt.state === 'success' || attempt.state === 'failed' || attempt.state === 'not-sent' || issuance.status === 'issued' || issuance.status === 'failed') {
    return {};
  }
  const withAttempt = (changes: Partial<ProviderAttempt>): Issuance => ({
    ...issuance,
    attempts: issuance.attempts.map((candidate) => (candidate.n === n ? { ...candidate, ...changes } : candidate)),
  });
  const recheck = (checks: number): Date => new Date(now.getTime() + checkDelayMs(checks));
  switch (answer.state) {
    case 'success': {
      if (issuance.fulfilment === 'card-purchase' && (answer.cards ?? []).length === 0) {
        // A notify says success without the cards (福禄's does): the query answer carries them.
        return { issuance: { ...withAttempt({ state: 'processing' }), nextCheckAt: now }, events: [], again: true };
      }
      const codeIds = await storeBoughtCards(deps, issuance, answer.cards ?? [], product.faceValueFen);
      const settled = withAttempt({ state: 'success', settledAt: now, ...(answer.providerOrderId ? { providerOrderId: answer.providerOrderId } : {}) });
      return moveIssuance({ ...settled, codeIds }, 'issued', `${attempt.providerId} confirmed ${attempt.orderNo}${codeIds.length > 0 ? ` (${codeIds.length} card code(s))` : ''}`, now);
    }
    case 'failed':
      return { issuance: withAttempt({ state: 'failed', reason: answer.reason, settledAt: now }), events: [], again: true };
    case 'not-sent':
      return { issuance: withAttempt({ state: 'not-sent', reason: answer.reason, settledAt: now }), events: [], again: true };
    case 'processing': {
      const checks = attempt.state === 'submitting' ? 0 : attempt.checks + 1;
      return {
        issuance: { ...withAttempt({ state: 'processing', checks, ...(answer.providerOrderId ? { providerOrderId: answer.providerOrderId } : {}) }), nextCheckAt: recheck(checks) },
        events: [],
      };
    }
    case 'duplicate':
      // The provider has this order number already (a repeat after a lost answer): ask it at once.
      return { issuance: { ...withAttempt({ state: 'unknown', reason: 'order number already known to the provider' }), nextCheckAt: now }, events: [], again: true };
    case 'not-found':
    case 'unknown': {
      const checks = attempt.state === 'submitting' ? 0 : attempt.checks + 1;
      const reason = answer.state === 'unknown' ? answer.reason : 'the provider does not know the order yet';
      return { issuance: { ...withAttempt({ state: attempt.state === 'processing' ? 'processing' : 'unknown', reason, checks }), nextCheckAt: recheck(checks) }, events: [] };
    }
  }
}

/** Seals and stores the card codes a provider sold, one slot each (a repeated answer finds them stored). */
async function storeBoughtCards(deps: CodesDependencies, issuance: Issuance, cards: readonly PurchasedCard[], faceValueFen: number): Promise<string[]> {
  const now = deps.clock.now();
  const ids: string[] = [];
  for (const [n, card] of cards.entries()) {
    const id = slotOf(issuance.issuanceId, n);
    const document: CodeDocument = {
      _id: id,
      skuId: issuance.skuId,
      batchId: `bought:${issuance.issuanceId}`,
      source: 'provider',
      fingerprint: codeFingerprint(deps.fingerprintSecret, issuance.skuId, card.code),
      code: sealSecret(deps.keys, card.code, id),
      ...(card.password ? { password: sealSecret(deps.keys, card.password, id) } : {}),
      expiresAt: card.expiresAt ? new Date(card.expiresAt) : new Date(now.getTime() + 365 * 86_400_000),
      faceValueFen,
      costFen: 0,
      status: 'allocated',
      issuanceId: issuance.issuanceId,
      allocatedAt: now,
      createdAt: now,
    };
    ids.push((await deps.codes.insertBought(document))._id);
  }
  return ids;
}
