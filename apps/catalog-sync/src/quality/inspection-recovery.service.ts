import { Injectable, Logger } from '@nestjs/common';
import { RecordSampleInspection } from '@supply-hub/catalog-application';
import { type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';

/** An inspection still open a minute after it was recorded belongs to a dead process: carried out again. */
const UNFINISHED_AFTER_MS = 60_000;

/** Finishes sample inspections a dead process left open, every minute. */
@Injectable()
export class InspectionRecovery extends PeriodicTask<number> {
  protected readonly logger = new Logger(InspectionRecovery.name);

  constructor(private readonly record: RecordSampleInspection) {
    super();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: true, intervalMs: UNFINISHED_AFTER_MS, what: 'inspection recovery' };
  }

  async runOnce(): Promise<number> {
    const resumed = await this.record.resume(new Date(Date.now() - UNFINISHED_AFTER_MS));
    if (resumed > 0) this.logger.warn({ resumed }, 'sample inspections a dead process left open were carried out');
    return resumed;
  }
}
