import { Injectable, Logger } from '@nestjs/common';
import { CurateProducts } from '@supply-hub/catalog-application';
import { type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';

/** A curation action still running a minute after it began belongs to a dead process: carried out again. */
const UNFINISHED_AFTER_MS = 60_000;

/** Finishes curation actions a dead process left running, every minute. */
@Injectable()
export class CurationRecovery extends PeriodicTask<number> {
  protected readonly logger = new Logger(CurationRecovery.name);

  constructor(private readonly curate: CurateProducts) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: true, intervalMs: UNFINISHED_AFTER_MS, what: 'curation recovery' };
  }

  async runOnce(): Promise<number> {
    const resumed = await this.curate.resume(new Date(Date.now() - UNFINISHED_AFTER_MS));
    if (resumed > 0) this.logger.warn({ resumed }, 'curation actions a dead process left running were carried out');
    return resumed;
  }
}
