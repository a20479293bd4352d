import {
  confirmedDeliveredReason,
  type Issuance,
  issuanceIdFor,
  reissueCheckOf,
  reissueIssuanceIdFor,
  type ReissueRecord,
  reissueSubjectOf,
  type ReissueVerdict,
  reissueVerdictOf,
} from '@supply-hub/codes-domain';
import { type IssuanceDocument, toIssuance } from '@supply-hub/codes-data-access';
import type { ReissueRequestedData } from '@supply-hub/contracts';
import { ConflictError, DependencyUnavailableError, type FieldIssue, NotFoundError, ValidationError } from '@supply-hub/errors';
import { IssuanceIntake } from '../issue-virtual-line/issuance-intake';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { issuanceStatusEvent } from '../shared/codes-events';

/** What became of a reissue request: the verdict, and the reissue unless the provider confirmed delivery. */
export interface ReissueOutcome {
  verdict: ReissueVerdict;
  issuance?: IssuanceDocument;
}

// Enough for a redelivery and another case deciding on the same line at once.
const MAX_DECISIONS = 5;

/**
 * An after-sales case asks for a virtual line to be checked and issued again (code reported invalid or
 * used, top-up not credited). The line's delivery is verified where someone can be asked: the provider
 * of a top-up or bought card says whether its order went through (delivered: nothing again, the case is
 * told why; not delivered: issued again); pool codes and coupons cannot be verified and are issued again,
 * the reported codes retired for good. The decision is written on the line's original issuance (one
 * version-guarded write, with the refusal's event in its outbox), then the reissue is taken in like any
 * line under an id derived from the case: once per case, whatever is redelivered or runs twice.
 */
export class ReissueVirtualLine {
  private readonly intake: IssuanceIntake;

  constructor(private readonly deps: CodesDependencies) {
    this.intake = new IssuanceIntake(deps);
  }

  async execute(tenantId: string, request: ReissueRequestedData): Promise<ReissueOutcome> {
    const originalId = issuanceIdFor(tenantId, request.orderId, request.lineId);
    for (let decision = 0; decision < MAX_DECISIONS; decision += 1) {
      // Tenant-scoped: another mall's line is not found, like a line that never was (dead-lettered).
      const original = await this.deps.issuances.get(tenantId, originalId);
      if (!original) throw new NotFoundError('order line', `${request.orderId}/${request.lineId}`);
      const decided = original.reissues?.find((record) => record.caseId === request.caseId);
      if (decided) return this.carryOut(toIssuance(original), decided);

      const record = await this.decide(original, request);
      const now = this.deps.clock.now();
      const updated: Issuance = { ...toIssuance(original), reissues: [...(original.reissues ?? []), record], updatedAt: now };
      const events =
        record.verdict === 'confirmed-delivered'
          ? [issuanceStatusEvent({ ...reissueOf(updated, record), issuanceId: reissueIdOf(updated, record.caseId) }, 'failed', record.reason, now)]
          : [];
      // Lost to another write (this request delivered twice, another case on the line): read and decide again.
      if (await this.deps.issuances.update(updated, original.version, events)) return this.carryOut(updated, record);
    }
    throw new ConflictError(`the line ${request.orderId}/${request.lineId} kept changing while the reissue for case ${request.caseId} was decided`);
  }

  /** The verdict on the delivery the case is about (the provider asked where it can be), as a record. */
  private async decide(original: IssuanceDocument, request: ReissueRequestedData): Promise<ReissueRecord> {
    const issues: FieldIssue[] = [];
    if (request.skuId !== original.skuId) issues.push({ path: 'skuId', message: `the line is ${original.skuId}` });
    if (request.quantity > original.quantity) issues.push({ path: 'quantity', message: `at most the line's ${original.quantity}` });
    if (issues.length > 0) throw new ValidationError(`reissue for case ${request.caseId} refused: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues);

    const subject = reissueSubjectOf([toIssuance(original), ...(await this.earlierReissues(original))]);
    // In flight: it may still arrive, so it is judged once settled (retried, then dead-lettered to replay).
    if (!subject.ok && subject.why === 'unsettled') throw new ConflictError(subject.message);
    if (!subject.ok) throw new ValidationError(subject.message);

    const now = this.deps.clock.now();
    const reissueId = reissueIdOf(original, request.caseId);
    const record = { caseId: request.caseId, replacesIssuanceId: subject.subject.issuanceId, quantity: request.quantity, at: now };
    const check = reissueCheckOf(subject.subject);
    // A provider no longer configured cannot be asked either.
    const provider = check.do === 'ask' ? this.deps.providers.get(check.attempt.providerId) : undefined;
    if (check.do === 'none' || !provider) return { ...record, verdict: 'not-verifiable', issuanceId: reissueId };

    const answer = await provider.query(check.attempt.orderNo);
    const verdict = reissueVerdictOf(answer);
    if (!verdict) {
      const said = answer.state === 'unknown' ? `${answer.state}: ${answer.reason}` : answer.state;
      throw new DependencyUnavailableError(`${provider.id} gave no verdict on order ${check.attempt.orderNo} (${said}); asked again later`);
    }
    if (verdict === 'confirmed-delivered') return { ...record, verdict, reason: confirmedDeliveredReason(subject.subject, check.attempt) };
    return { ...record, verdict, issuanceId: reissueId };
  }

  /** The line's earlier reissues, in the order their cases came; one decided but not yet taken in counts as in flight. */
  private async earlierReissues(original: IssuanceDocument): Promise<Issuance[]> {
    const reissues: Issuance[] = [];
    for (const record of original.reissues ?? []) {
      if (!record.issuanceId) continue;
      const reissue = await this.deps.issuances.get(original.tenantId, record.issuanceId);
      if (!reissue) throw new ConflictError(`the reissue for case ${record.caseId} is decided but not taken in yet`);
      reissues.push(toIssuance(reissue));
    }
    return reissues;
  }

  /**
   * Acts on a decision, from the start on every delivery of the request: retires the reported codes (so
   * none goes back to the pool), then takes the reissue in. A crash between the two is finished by the
   * redelivery; the reissue's id makes the second intake find the first.
   */
  private async carryOut(original: Issuance, record: ReissueRecord): Promise<ReissueOutcome> {
    if (!record.issuanceId) return { verdict: record.verdict };
    const replaced = await this.deps.issuances.get(original.tenantId, record.replacesIssuanceId);
    if (replaced && replaced.codeIds.length > 0) await this.deps.codes.reportInvalid(replaced.codeIds, replaced._id, record.caseId, this.deps.clock.now());
    const issuance = await this.intake.takeIn({
      ...reissueOf(original, record),
      issuanceId: record.issuanceId,
      skuId: original.skuId,
      quantity: record.quantity,
      ...(original.unitPriceFen !== undefined ? { unitPriceFen: original.unitPriceFen } : {}),
      // The account the line credited, already checked and normalised when the line came in.
      ...(original.account !== undefined ? { account: original.account } : {}),
    });
    return { verdict: record.verdict, issuance };
  }
}

/** The original line's tenant, order and line, with the case a reissue is for. */
function reissueOf(original: Issuance, record: ReissueRecord): Pick<Issuance, 'tenantId' | 'orderId' | 'lineId' | 'reissue'> {
  return {
    tenantId: original.tenantId,
    orderId: original.orderId,
    lineId: original.lineId,
    reissue: { caseId: record.caseId, verdict: record.verdict, originalIssuanceId: original.issuanceId },
  };
}

function reissueIdOf(original: Pick<Issuance, 'tenantId' | 'orderId' | 'lineId'>, caseId: string): string {
  return reissueIssuanceIdFor(original.tenantId, original.orderId, original.lineId, caseId);
}
