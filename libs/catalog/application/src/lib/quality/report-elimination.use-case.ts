import { beijingDayStart, type EliminationReport, eliminationReport, type ReportPeriod } from '@supply-hub/catalog-domain';
import type { MongoEliminationReader } from '@supply-hub/catalog-data-access';

export interface EliminationQuery {
  /** First and last Beijing day of the report (YYYY-MM-DD, both inclusive). */
  from: string;
  to: string;
  period: ReportPeriod;
}

const DAY_MS = 24 * 3_600_000;

/** The elimination report (淘汰率) over the Beijing days asked for: three reads, then the domain's arithmetic. */
export class ReportElimination {
  constructor(private readonly reader: Pick<MongoEliminationReader, 'removals' | 'blacklistCreated' | 'catalogSkus'>) {}

  async execute(query: EliminationQuery): Promise<EliminationReport> {
    const start = beijingDayStart(query.from);
    const end = new Date(beijingDayStart(query.to).getTime() + DAY_MS);
    const [removals, blacklistEntries, catalogSkus] = await Promise.all([this.reader.removals(start, end), this.reader.blacklistCreated(start, end), this.reader.catalogSkus()]);
    return eliminationReport({ ...query, catalogSkus, removals, blacklistEntries });
  }
}
