import type { AftersalesCase, CaseActor, CaseStatus, CaseTimelineEntry } from './aftersales-case';

/**
 * The moves a case may make. Which of them a particular case may take also depends on its kind's policy
 * (a return parcel or not) and on the inspection (see refusalOf):
 * opened → approved / rejected / closed (withdrawn by the mall)
 * approved → return-label-issued (return parcel) | resolving (none)
 * return-label-issued → return-in-transit → received → inspected → resolving (pass) | rejected (fail)
 * resolving → resolved → closed; rejected → closed.
 */
const MOVES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  opened: ['approved', 'rejected', 'closed'],
  approved: ['return-label-issued', 'resolving'],
  'return-label-issued': ['return-in-transit', 'received'],
  'return-in-transit': ['received'],
  received: ['inspected'],
  inspected: ['resolving', 'rejected'],
  resolving: ['resolved', 'rejected'],
  resolved: ['closed'],
  rejected: ['closed'],
  closed: [],
};

export type MovableCase = Pick<AftersalesCase, 'status' | 'needsReturn' | 'inspection' | 'kind'>;

/** Why `aCase` may not move to `to`, in words for a 409; undefined when it may. */
export function refusalOf(aCase: MovableCase, to: CaseStatus): string | undefined {
  if (!MOVES[aCase.status].includes(to)) {
    const allowed = MOVES[aCase.status];
    return `a ${aCase.status} case cannot become ${to}${allowed.length > 0 ? ` (it can become ${allowed.join(', ')})` : ' (it is final)'}`;
  }
  if (aCase.status === 'approved' && to === 'resolving' && aCase.needsReturn) return `a ${aCase.kind} case is resolved after its return parcel was inspected`;
  if (aCase.status === 'approved' && to === 'return-label-issued' && !aCase.needsReturn) return `a ${aCase.kind} case needs no return parcel`;
  if (aCase.status === 'inspected' && to === 'resolving' && aCase.inspection?.result !== 'pass') return 'the returned goods failed inspection';
  if (aCase.status === 'inspected' && to === 'rejected' && aCase.inspection?.result !== 'fail') return 'the returned goods passed inspection';
  return undefined;
}

export function canMoveCase(aCase: MovableCase, to: CaseStatus): boolean {
  return refusalOf(aCase, to) === undefined;
}

/** Statuses a case cannot leave except to `closed`: nothing more happens to its goods or money. */
export function isSettled(status: CaseStatus): boolean {
  return status === 'resolved' || status === 'rejected' || status === 'closed';
}

/**
 * Statuses in which a case still holds its units of the line: every one except a rejection or a
 * withdrawal (a case closed without being upheld).
 */
export function holdsUnits(aCase: Pick<AftersalesCase, 'status' | 'timeline'>): boolean {
  if (aCase.status === 'rejected') return false;
  if (aCase.status === 'closed') return aCase.timeline.some((entry) => entry.status === 'resolved');
  return true;
}

export function timelineEntry(status: CaseStatus, actor: CaseActor, at: Date, note?: string): CaseTimelineEntry {
  return { at, status, actor, ...(note ? { note } : {}) };
}
