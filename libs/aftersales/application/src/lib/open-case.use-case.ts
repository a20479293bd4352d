import { createHash } from 'node:crypto';
import { type CaseRequest, caseIdFor, checkCaseRequest, originOf, respondByOf, timelineEntry } from '@supply-hub/aftersales-domain';
import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import { IdempotencyKeyReusedError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { canonicalJson } from '@supply-hub/http';
import type { AftersalesDependencies } from './aftersales-dependencies';
import { CaseBusyError, CaseRefusedError } from './case-errors';
import { CaseDraft } from './case-draft';

export interface OpenedCase {
  case: CaseDocument;
  /** False when the same case was opened before: the answer is what it became since. */
  created: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * A mall opens a case on one of its order lines: idempotent on the mall's case id (same id and body: the
 * case as it is; another body: 409), checked against the line (delivered, window, quantity) and the
 * policy, the line's units held for it, stored with its events. A case the policy approves at once
 * (damaged within 48 h with photos, an invalid code) is approved, labelled or resolving in the same write.
 */
export class OpenCase {
  constructor(private readonly deps: AftersalesDependencies) {}

  async execute(tenantId: string, request: CaseRequest): Promise<OpenedCase> {
    const caseId = caseIdFor(tenantId, request.mallCaseId);
    const fingerprint = fingerprintOf(request);
    const existing = await this.deps.cases.getAny(caseId);
    if (existing) return again(existing, fingerprint, request.mallCaseId);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const found = await this.deps.lines.line(tenantId, request.orderId, request.lineId);
      if (!found) throw new NotFoundError('order line', `${request.orderId}/${request.lineId}`);
      const { line, version } = found;
      const now = this.deps.clock.now();
      const check = checkCaseRequest(request, line, this.deps.policy, now, caseId);
      if (!check.ok) {
        if (check.refusal === 'invalid') throw new ValidationError('the case cannot be opened', check.issues);
        throw new CaseRefusedError(check.refusal, check.message);
      }
      // Units are held before the case is stored: two cases on the same line at once cannot both take the last unit.
      if (!line.claims.some((claim) => claim.caseId === caseId)) {
        if (!(await this.deps.lines.claim(request.orderId, request.lineId, version, caseId, request.quantity, now))) continue;
      }

      const document: CaseDocument = {
        _id: caseId,
        tenantId,
        mallCaseId: request.mallCaseId,
        requestFingerprint: fingerprint,
        orderId: request.orderId,
        mallOrderId: line.mallOrderId,
        lineId: request.lineId,
        skuId: line.skuId,
        lineKind: line.kind,
        kind: request.kind,
        reason: request.reason,
        ...(request.description ? { description: request.description } : {}),
        photos: request.photos ?? [],
        quantity: request.quantity,
        ...(request.memberPaid ? { memberPaid: request.memberPaid } : {}),
        resolution: check.resolution,
        needsReturn: check.needsReturn,
        status: 'opened',
        openedAt: now,
        respondBy: respondByOf(now, this.deps.policy.firstResponseHours),
        timeline: [timelineEntry('opened', { kind: 'mall', id: tenantId }, now, request.reason)],
        updatedAt: now,
        version: 1,
      };
      const draft = new CaseDraft(document, this.deps, {
        ...(line.unitPriceFen !== undefined ? { unitPriceFen: line.unitPriceFen } : {}),
        cityCode: line.cityCode,
        ...originOf(line),
      });
      draft.emitOpened();
      if (check.autoApproved) draft.approve({ kind: 'system' }, `approved automatically: ${check.autoApprovalNote}`);
      const stored: CaseDocument = { ...document, ...draft.changes, timeline: [...document.timeline, ...draft.timeline] } as CaseDocument;
      const written = await this.deps.cases.insert(stored, draft.events);
      if (!written.created) return again(written.document, fingerprint, request.mallCaseId);
      return { case: written.document, created: true };
    }
    throw new CaseBusyError(caseId);
  }
}

function again(existing: CaseDocument, fingerprint: string, mallCaseId: string): OpenedCase {
  if (existing.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError(mallCaseId);
  return { case: existing, created: false };
}

/** The request's content, absent optional fields as their defaults, hashed: the same case asked again matches, another does not. */
export function fingerprintOf(request: CaseRequest): string {
  const canonical = {
    orderId: request.orderId,
    lineId: request.lineId,
    kind: request.kind,
    reason: request.reason,
    quantity: request.quantity,
    description: request.description ?? null,
    photos: request.photos ?? [],
    resolution: request.resolution ?? null,
    memberPaid: request.memberPaid ? { points: request.memberPaid.points, cashFen: request.memberPaid.cashFen } : null,
  };
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex');
}
