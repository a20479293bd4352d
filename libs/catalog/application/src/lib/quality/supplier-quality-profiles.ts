import type { SupplierProfile } from '../sync/page-processor';

/** A supplier's score as the quality store keeps it (kind 'supplier'); no score while there is too little to judge. */
export interface SupplierScore {
  subjectId: string;
  score?: number;
}

/**
 * The suppliers' quality scores in memory, for the best-offer choice: a sync page asks for every offer it
 * writes, so profileOf() is a map lookup and the store is read only by refresh() (at start-up and on a
 * timer). A supplier without a score gets no profile, and the offer summary keeps its default.
 */
export class SupplierQualityProfiles {
  private profiles = new Map<string, SupplierProfile>();

  constructor(private readonly load: () => Promise<readonly SupplierScore[]>) {}

  async refresh(): Promise<number> {
    const scores = await this.load();
    this.profiles = new Map(scores.flatMap((score) => (score.score === undefined ? [] : [[score.subjectId, { qualityScore: score.score }] as const])));
    return this.profiles.size;
  }

  profileOf(sourceId: string): SupplierProfile | undefined {
    return this.profiles.get(sourceId);
  }
}
