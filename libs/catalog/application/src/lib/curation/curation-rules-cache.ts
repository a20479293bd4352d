import { type CurationRuleSet, DEFAULT_CURATION_RULES, initialCurationOf, NO_QUALIFICATIONS, type ProductCuration, type ProductState, type SupplierQualificationCheck } from '@supply-hub/catalog-domain';
import type { MongoCurationRuleStore } from '@supply-hub/catalog-data-access';

/**
 * The rule set in memory, for the sync's pages: a new SKU is decided without a read. Refreshed on a timer
 * and after an edit on this instance; another instance's edit reaches this one with the next refresh.
 */
export class CurationRulesCache {
  private rules: CurationRuleSet = DEFAULT_CURATION_RULES;
  private loadedVersion = 0;

  constructor(
    private readonly store: Pick<MongoCurationRuleStore, 'read'>,
    /** Asked at each decision, so qualifications recorded since the last refresh count at once. */
    private readonly qualifications: () => SupplierQualificationCheck = () => NO_QUALIFICATIONS,
  ) {}

  get version(): number {
    return this.loadedVersion;
  }

  async refresh(): Promise<void> {
    const saved = await this.store.read();
    if (!saved || saved.version === this.loadedVersion) return;
    this.rules = { rules: saved.rules, otherwise: saved.otherwise };
    this.loadedVersion = saved.version;
  }

  /** The first decision on a SKU the catalog has never had. */
  decide(product: ProductState, at: Date): ProductCuration {
    return initialCurationOf(product, this.rules, this.qualifications(), at);
  }
}
