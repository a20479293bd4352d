import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import { parseTimeIdCursor, timeIdCursor } from '@supply-hub/http';

/** A case as the APIs show it: everything but internal bookkeeping (version, request fingerprint). */
export function caseView(aCase: CaseDocument) {
  const { _id, version: _version, requestFingerprint: _fingerprint, tenantId: _tenantId, ...rest } = aCase;
  return { caseId: _id, ...rest };
}

/** The staff's view names the mall. */
export function staffCaseView(aCase: CaseDocument) {
  return { tenantId: aCase.tenantId, ...caseView(aCase) };
}

export function caseCursorOf(aCase: CaseDocument): string {
  return timeIdCursor(aCase.openedAt, aCase._id);
}

export function parseCaseCursor(cursor: string): { openedAt: Date; caseId: string } | undefined {
  const parsed = parseTimeIdCursor(cursor, /^cas_[0-9a-f]{20}$/);
  return parsed && { openedAt: parsed.at, caseId: parsed.id };
}
