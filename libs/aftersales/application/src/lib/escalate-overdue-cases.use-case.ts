import { isOverdue } from '@supply-hub/aftersales-domain';
import { CaseEscalated } from '@supply-hub/contracts';
import type { AftersalesDependencies } from './aftersales-dependencies';
import type { CaseCommands } from './case-commands';

/**
 * Escalates every case nobody answered within the first-response window (24 h around the clock): the
 * case is marked, a CaseEscalated event goes out (staff alerting, the mall's webhook), the metric counts
 * it, the staff report lists it. Once per case. Reads only the small collection of unanswered cases.
 */
export class EscalateOverdueCases {
  constructor(
    private readonly deps: AftersalesDependencies,
    private readonly commands: CaseCommands,
  ) {}

  async execute(limit = 200): Promise<{ escalated: string[] }> {
    const now = this.deps.clock.now();
    const due = await this.deps.cases.responsesDueBefore(now, limit);
    const escalated: string[] = [];
    for (const entry of due) {
      const aCase = await this.deps.cases.getAny(entry._id);
      // Answered, settled, or a promise left by a crash before the case was stored: nothing to watch.
      if (!aCase || !isOverdue(aCase, now)) {
        if (!aCase || aCase.firstResponseAt !== undefined || aCase.escalatedAt !== undefined || aCase.status !== 'opened') await this.deps.cases.dropResponseDue(entry._id);
        continue;
      }
      await this.commands.change(undefined, aCase._id, (draft) => {
        if (!isOverdue(draft.original, now)) return false;
        draft.changes.escalatedAt = now;
        draft.note({ kind: 'system' }, `escalated: no response within ${this.deps.policy.firstResponseHours} h`);
        draft.emit(CaseEscalated, {
          ...draft.refs(),
          openedAt: aCase.openedAt.toISOString(),
          respondBy: aCase.respondBy.toISOString(),
          at: now.toISOString(),
        });
      });
      await this.deps.cases.dropResponseDue(aCase._id);
      escalated.push(aCase._id);
    }
    return { escalated };
  }
}
