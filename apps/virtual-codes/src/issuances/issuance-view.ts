import type { IssuanceDocument } from '@supply-hub/codes-data-access';
import { maskAccount } from '@supply-hub/codes-domain';

/** An issuance as the API shows it: the account masked, codes counted (revealed only by their own route), reissues named. */
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
    // A reissue names its case (reveal its codes with ?caseId=); a line's own issuance lists the cases.
    ...(issuance.reissue ? { reissue: { caseId: issuance.reissue.caseId, verdict: issuance.reissue.verdict, of: issuance.reissue.originalIssuanceId } } : {}),
    ...(issuance.reissues?.length
      ? {
          reissues: issuance.reissues.map((record) => ({
            caseId: record.caseId,
            verdict: record.verdict,
            quantity: record.quantity,
            ...(record.issuanceId ? { issuanceId: record.issuanceId } : {}),
            ...(record.reason ? { reason: record.reason } : {}),
            at: record.at,
          })),
        }
      : {}),
  };
}
