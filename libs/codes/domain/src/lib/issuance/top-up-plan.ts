import type { Issuance, ProviderAttempt } from './issuance';
import type { VirtualProduct } from './virtual-product';
import { attemptOrderNo } from './issuance';

/** What to do next for a provider-fulfilled issuance (top-up or card purchase). */
export type ProviderStep =
  | { do: 'submit'; providerId: string; providerProductId: string; n: number; orderNo: string }
  | { do: 'query'; attempt: ProviderAttempt }
  | { do: 'wait'; until: Date; why: string }
  | { do: 'fail'; reason: string }
  | { do: 'nothing' };

/** Open attempts: sent (or maybe sent) and not settled. Only one may exist at a time. */
export function openAttempt(issuance: Pick<Issuance, 'attempts'>): ProviderAttempt | undefined {
  return issuance.attempts.find((attempt) => attempt.state === 'submitting' || attempt.state === 'processing' || attempt.state === 'unknown');
}

/** How long until the next status query after `checks` queries: 5 s doubling to 5 min. */
export function checkDelayMs(checks: number): number {
  return Math.min(5_000 * 2 ** Math.min(checks, 10), 300_000);
}

/** How long to wait before trying again when every remaining provider's breaker is open. */
export const PROVIDERS_UNAVAILABLE_RETRY_MS = 30_000;

/**
 * The provider saga's decision, from the issuance and the providers' availability. The rules of the
 * protocol notes: an attempt that is not settled is queried, never repeated elsewhere; only a provider
 * that confirmed failure is passed over for good; a provider whose breaker is open is skipped for now
 * (new issuances go to the next one, those in flight stay where they are).
 */
export function planProviderStep(issuance: Issuance, product: VirtualProduct, isAvailable: (providerId: string) => boolean, now: Date): ProviderStep {
  if (issuance.status === 'issued' || issuance.status === 'failed') return { do: 'nothing' };
  const open = openAttempt(issuance);
  if (open) {
    const due = issuance.nextCheckAt ?? now;
    return due.getTime() <= now.getTime() ? { do: 'query', attempt: open } : { do: 'wait', until: due, why: `${open.providerId} is working on it` };
  }
  const refused = new Set(issuance.attempts.filter((attempt) => attempt.state === 'failed').map((attempt) => attempt.providerId));
  const remaining = product.providers.filter((route) => !refused.has(route.providerId));
  if (remaining.length === 0) {
    const reasons = issuance.attempts.filter((attempt) => attempt.state === 'failed').map((attempt) => `${attempt.providerId}: ${attempt.reason ?? 'failed'}`);
    return { do: 'fail', reason: reasons.length > 0 ? reasons.join('; ') : 'no provider is configured for this product' };
  }
  const next = remaining.find((route) => isAvailable(route.providerId));
  if (!next) {
    return { do: 'wait', until: new Date(now.getTime() + PROVIDERS_UNAVAILABLE_RETRY_MS), why: `every remaining provider is unavailable (${remaining.map((route) => route.providerId).join(', ')})` };
  }
  const n = issuance.attempts.length + 1;
  return { do: 'submit', providerId: next.providerId, providerProductId: next.providerProductId, n, orderNo: attemptOrderNo(issuance.issuanceId, n) };
}
