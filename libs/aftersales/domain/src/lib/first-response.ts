import type { AftersalesCase } from './aftersales-case';

/** The first-response promise of a case opened at `openedAt`: around the clock, no business hours. */
export function respondByOf(openedAt: Date, firstResponseHours: number): Date {
  return new Date(openedAt.getTime() + firstResponseHours * 3_600_000);
}

/** Not answered in time and not escalated yet: escalate it now. */
export function isOverdue(aCase: Pick<AftersalesCase, 'respondBy' | 'firstResponseAt' | 'escalatedAt' | 'status'>, now: Date): boolean {
  return aCase.firstResponseAt === undefined && aCase.escalatedAt === undefined && aCase.status === 'opened' && now.getTime() >= aCase.respondBy.getTime();
}
