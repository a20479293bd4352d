import { originOf } from '@supply-hub/aftersales-domain';
import type { CaseDocument } from '@supply-hub/aftersales-data-access';
import { NotFoundError } from '@supply-hub/errors';
import type { AftersalesDependencies } from './aftersales-dependencies';
import { CaseBusyError } from './case-errors';
import { CaseDraft, type LineContext } from './case-draft';

const MAX_ATTEMPTS = 5;

/**
 * Load, change, write: the one way a case changes after it is opened. The change runs on a fresh read
 * each attempt and the write is guarded by the version read, so two staff members, a warehouse and a
 * Kafka redelivery acting at once never both win; the loser re-reads and decides again (a repeated
 * resolution finds the case already resolved and does nothing).
 */
export class CaseCommands {
  constructor(private readonly deps: AftersalesDependencies) {}

  /**
   * Applies `change` to the case (the tenant's, when `tenantId` is given: another tenant's case is a 404)
   * and writes it; returns the case as written. `change` returning false means nothing to do.
   */
  async change(tenantId: string | undefined, caseId: string, change: (draft: CaseDraft) => void | false): Promise<CaseDocument> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const original = tenantId === undefined ? await this.deps.cases.getAny(caseId) : await this.deps.cases.get(tenantId, caseId);
      if (!original) throw new NotFoundError('case', caseId);
      const draft = new CaseDraft(original, this.deps, await this.lineContext(original));
      if (change(draft) === false || (draft.timeline.length === 0 && Object.keys(draft.changes).length === 0)) return original;
      if (await this.deps.cases.update(caseId, original.version, draft.changes, draft.timeline, draft.events)) {
        if (draft.releasesUnits) await this.deps.lines.release(original.orderId, original.lineId, caseId);
        return { ...original, ...draft.changes, timeline: [...original.timeline, ...draft.timeline], version: original.version + 1 } as CaseDocument;
      }
    }
    throw new CaseBusyError(caseId);
  }

  async lineContext(aCase: Pick<CaseDocument, 'tenantId' | 'orderId' | 'lineId'>): Promise<LineContext> {
    const found = await this.deps.lines.line(aCase.tenantId, aCase.orderId, aCase.lineId);
    if (!found) return {};
    return {
      ...(found.line.unitPriceFen !== undefined ? { unitPriceFen: found.line.unitPriceFen } : {}),
      cityCode: found.line.cityCode,
      ...originOf(found.line),
    };
  }
}
