import type { IssuanceDocument } from '@supply-hub/codes-data-access';
import { maskAccount } from '@supply-hub/codes-domain';

/** An issuance as the API shows it: the account masked, codes counted (revealed only by their own route). */
export function issuanceView(issuance: IssuanceDocument) {
  return {
    issuanceId: issuance._id,
    orderId: issuance.orderId,
    lineId: issuance.lineId,
    skuId: issuance.skuId,
    quantity: issuance.quantity,
    fulfilment: issuance.fulfilment,
    status: issuance.status,
    ...(issuance.reason ? { reason: issuance.reason } : {}),
    ...(issuance.account ? { account: maskAccount(issuance.account) } : {}),
    codes: issuance.codeIds.length,
    attempts: issuance.attempts.map((attempt) => ({
      provider: attempt.providerId,
      orderNo: attempt.orderNo,
      state: attempt.state,
      ...(attempt.reason ? { reason: attempt.reason } : {}),
      submittedAt: attempt.submittedAt,
      ...(attempt.settledAt ? { settledAt: attempt.settledAt } : {}),
      checks: attempt.checks,
    })),
    ...(issuance.nextCheckAt ? { nextCheckAt: issuance.nextCheckAt } : {}),
    createdAt: issuance.createdAt,
    ...(issuance.issuedAt ? { issuedAt: issuance.issuedAt } : {}),
    timeline: issuance.timeline,
  };
}
