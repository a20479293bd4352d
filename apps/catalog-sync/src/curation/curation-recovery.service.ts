import { Injectable, Logger } from '@nestjs/common';
import { CurateProducts } from '@supply-hub/catalog-application';
import type { CurationActionDocument, CurationOutcome } from '@supply-hub/catalog-data-access';
import { curationTargetOf } from '@supply-hub/catalog-domain';
import { AuditLog, type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';
import { BULK_ACTION_PREFIX } from './curation-bulk.dto';

/** A curation action still running a minute after it began belongs to a dead process: carried out again. */
const UNFINISHED_AFTER_MS = 60_000;

/**
 * Finishes curation actions a dead process left running, every minute. A bulk action's SKUs are audited
 * when it finishes, so one its process did not finish is audited here (by this job, naming who decided);
 * the other actions' owners (a single decision's request, inspections, the qualification sweep) audit
 * their own when they retry.
 */
@Injectable()
export class CurationRecovery extends PeriodicTask<number> {
  protected readonly logger = new Logger(CurationRecovery.name);

  constructor(
    private readonly curate: CurateProducts,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: true, intervalMs: UNFINISHED_AFTER_MS, what: 'curation recovery' };
  }

  async runOnce(): Promise<number> {
    const resumed = await this.curate.resume(new Date(Date.now() - UNFINISHED_AFTER_MS), (action, outcome) => this.auditBulk(action, outcome));
    if (resumed > 0) this.logger.warn({ resumed }, 'curation actions a dead process left running were carried out');
    return resumed;
  }

  private async auditBulk(action: CurationActionDocument, outcome: CurationOutcome): Promise<void> {
    if (!action._id.startsWith(BULK_ACTION_PREFIX) || outcome.applied.length === 0) return;
    await this.audit.recordMany(
      { kind: 'system', sub: 'curation-recovery' },
      outcome.applied.map((skuId) => ({
        action: `sku.${action.action}`,
        entity: { kind: 'sku', id: skuId },
        after: { status: curationTargetOf(action.action), bulkAction: action._id, decidedBy: action.by },
        reason: action.reason,
        requestId: action._id,
      })),
    );
  }
}
