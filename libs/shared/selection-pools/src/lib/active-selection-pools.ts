import { type PoolAdmission, poolAdmission, type SelectionPoolTerms } from './pool-admits';

interface Known {
  terms: SelectionPoolTerms;
  admits: PoolAdmission;
}

/**
 * One service instance's copy of every mall's pool terms, each with its membership test built once per
 * version. A pool is replaced only by a newer version, so a redelivered event or a store read taken
 * just before a write does not undo the write. Pools are never deleted.
 */
export class ActiveSelectionPools {
  private readonly pools = new Map<string, Known>();

  get size(): number {
    return this.pools.size;
  }

  termsOf(mallId: string): SelectionPoolTerms | undefined {
    return this.pools.get(mallId)?.terms;
  }

  /** The mall's membership test; undefined when it has no pool (it may have any sellable SKU). */
  admissionOf(mallId: string): PoolAdmission | undefined {
    return this.pools.get(mallId)?.admits;
  }

  /** Whether it took the terms (false: it holds this version or a newer one already). */
  apply(terms: SelectionPoolTerms): boolean {
    const known = this.pools.get(terms.mallId);
    if (known && known.terms.version >= terms.version) return false;
    this.pools.set(terms.mallId, { terms, admits: poolAdmission(terms) });
    return true;
  }

  applyAll(all: readonly SelectionPoolTerms[]): void {
    for (const terms of all) this.apply(terms);
  }
}
