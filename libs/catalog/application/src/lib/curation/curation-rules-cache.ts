import {
  type CurationRuleSet,
  DEFAULT_CURATION_RULES,
  initialCurationOf,
  NO_QUALIFICATIONS,
  type ProductCuration,
  type ProductState,
  type Qualification,
  QualificationSet,
  type SupplierQualificationCheck,
} from '@supply-hub/catalog-domain';
import type { MongoCurationRuleStore } from '@supply-hub/catalog-data-access';

/**
 * The rule set and the supplier qualifications in memory, for the sync's pages: a new SKU is decided
 * without a read. Refreshed on a timer and after an edit on this instance (rules, a qualification recorded);
 * another instance's edit reaches this one with the next refresh.
 */
export class CurationRulesCache {
  private rules: CurationRuleSet = DEFAULT_CURATION_RULES;
  /** 0: no rule set saved yet. */
  private loadedVersion = 0;
  private qualified: SupplierQualificationCheck = NO_QUALIFICATIONS;

  constructor(
    private readonly store: Pick<MongoCurationRuleStore, 'read'>,
    /** The recorded qualifications (a small collection, read whole); none: no supplier is qualified. */
    private readonly qualifications?: { all(): Promise<readonly Qualification[]> },
  ) {}

  get version(): number {
    return this.loadedVersion;
  }

  async refresh(): Promise<void> {
    const [saved, qualifications] = await Promise.all([this.store.read(), this.qualifications?.all()]);
    if (qualifications) this.qualified = new QualificationSet(qualifications);
    if (!saved || saved.version === this.loadedVersion) return;
    this.rules = { rules: saved.rules, otherwise: saved.otherwise };
    this.loadedVersion = saved.version;
  }

  /**
   * The first decision on a SKU the catalog has never had; none while no rule set was ever saved: the SKU
   * is approved as before curation, and a product's state (and content hash) does not carry the time it
   * was first synced, so two syncs of the same source make the same catalog.
   */
  decide(product: ProductState, at: Date): ProductCuration | undefined {
    if (this.loadedVersion === 0) return undefined;
    return initialCurationOf(product, this.rules, this.qualified, at);
  }
}
