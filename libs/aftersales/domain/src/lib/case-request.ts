import type { CaseKind, CaseResolution } from '@supply-hub/contracts';
import type { FieldIssue } from '@supply-hub/errors';
import type { MemberPayment } from './aftersales-case';
import { type CasePolicy, LINE_KINDS_OF, RESOLUTIONS_OF } from './case-policy';
import { claimableQuantity, deliveredAt, deliveredQuantity, type OrderedLine } from './ordered-line';

export interface CaseRequest {
  mallCaseId: string;
  orderId: string;
  lineId: string;
  kind: CaseKind;
  reason: string;
  quantity: number;
  description?: string;
  photos?: string[];
  /** The resolution the member asks for, among those of the kind. */
  resolution?: CaseResolution;
  memberPaid?: MemberPayment;
}

/** Why a case cannot be opened: field issues (400) or a rule of the policy (409, with the rule named). */
export type CaseRequestCheck =
  | { ok: true; resolution: CaseResolution; needsReturn: boolean; autoApproved: boolean; autoApprovalNote?: string }
  | { ok: false; refusal: 'invalid'; issues: FieldIssue[] }
  | { ok: false; refusal: 'window-expired' | 'not-delivered' | 'not-returnable'; message: string };

const HOUR_MS = 3_600_000;

/**
 * The business rules of opening a case on a line: the kind fits the goods, something was delivered,
 * the kind's window has not passed, the quantity is not above what was delivered minus what other cases
 * claim, the resolution is one the kind allows. Shape and types are checked before this (the API schema).
 * Whether the case is approved at once follows the kind's auto-approval rule.
 */
export function checkCaseRequest(request: CaseRequest, line: OrderedLine, policy: CasePolicy, now: Date, caseId: string): CaseRequestCheck {
  const kindPolicy = policy.kinds[request.kind];
  const issues: FieldIssue[] = [];
  if (!LINE_KINDS_OF[request.kind].includes(line.kind)) {
    issues.push({ path: 'kind', message: `a ${request.kind} case does not apply to ${line.kind} goods` });
  }
  const allowed = RESOLUTIONS_OF[request.kind];
  if (request.resolution !== undefined && !allowed.includes(request.resolution)) {
    issues.push({ path: 'resolution', message: `a ${request.kind} case ends in ${allowed.join(' or ')}` });
  }
  if (issues.length > 0) return { ok: false, refusal: 'invalid', issues };

  const delivered = deliveredQuantity(line);
  const arrived = deliveredAt(line);
  if (delivered === 0 || !arrived) {
    return { ok: false, refusal: 'not-delivered', message: `nothing of line ${line.lineId} has been ${line.kind === 'virtual' ? 'issued' : 'delivered'} yet` };
  }
  if (line.kind === 'virtual' && request.kind === 'return') {
    return {
      ok: false,
      refusal: 'not-returnable',
      message: 'virtual goods cannot be returned once issued (the code may have been revealed); open an invalid-code case if it does not work',
    };
  }
  const windowEnds = new Date(arrived.getTime() + kindPolicy.windowDays * 24 * HOUR_MS);
  if (now.getTime() > windowEnds.getTime()) {
    return {
      ok: false,
      refusal: 'window-expired',
      message: `a ${request.kind} case can be opened up to ${kindPolicy.windowDays} days after ${line.kind === 'virtual' ? 'issuance' : 'delivery'}; that was ${windowEnds.toISOString()}`,
    };
  }
  const claimable = claimableQuantity(line, caseId);
  if (request.quantity > claimable) {
    const claimed = delivered - claimable;
    return {
      ok: false,
      refusal: 'invalid',
      issues: [{ path: 'quantity', message: `at most ${claimable}: ${delivered} delivered${claimed > 0 ? `, ${claimed} already in other cases` : ''}` }],
    };
  }

  const rule = kindPolicy.autoApprove;
  const reportedWithinMs = now.getTime() - arrived.getTime();
  const autoApproved = rule !== null && reportedWithinMs <= rule.withinHours * HOUR_MS && (!rule.photosRequired || (request.photos ?? []).length > 0);
  return {
    ok: true,
    resolution: request.resolution ?? allowed[0],
    needsReturn: kindPolicy.returnParcel,
    autoApproved,
    ...(autoApproved && rule
      ? { autoApprovalNote: `reported within ${rule.withinHours} h of ${line.kind === 'virtual' ? 'issuance' : 'delivery'}${rule.photosRequired ? ' with photos' : ''}` }
      : {}),
  };
}
