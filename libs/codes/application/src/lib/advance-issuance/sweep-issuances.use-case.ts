import type { CodesDependencies } from '../shared/codes-dependencies';
import { AdvanceIssuance } from './advance-issuance.use-case';

/**
 * Moves every unsettled issuance whose next check is due: status queries of top-ups that got no notify,
 * attempts a crash left recorded but unanswered, pools refilled for waiting lines, providers back from
 * an outage. Safe with several instances running: each move is a version-guarded write.
 */
export class SweepIssuances {
  private readonly advance: AdvanceIssuance;

  constructor(private readonly deps: CodesDependencies) {
    this.advance = new AdvanceIssuance(deps);
  }

  async execute(limit = 200): Promise<{ looked: number; settled: number }> {
    const due = await this.deps.issuances.due(this.deps.clock.now(), limit);
    let settled = 0;
    for (const issuance of due) {
      const after = await this.advance.execute(issuance);
      if (after.status === 'issued' || after.status === 'failed') settled += 1;
    }
    return { looked: due.length, settled };
  }
}
