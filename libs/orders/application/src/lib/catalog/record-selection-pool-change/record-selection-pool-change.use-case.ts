import type { SelectionPoolCopyStore } from '@supply-hub/orders-domain';
import type { ActiveSelectionPools, SelectionPoolTerms } from '@supply-hub/selection-pools';

/**
 * Keeps order-router's copy of the malls' selection pools in step with catalog-sync's SelectionPoolChanged
 * events: in this instance's memory (what order intake asks) and in the small `selection_pools` collection
 * (what an instance loads when it starts). The newer version wins in both, whatever order events come in.
 */
export class RecordSelectionPoolChange {
  constructor(
    private readonly store: SelectionPoolCopyStore,
    private readonly active: ActiveSelectionPools,
  ) {}

  async execute(terms: SelectionPoolTerms): Promise<void> {
    // Memory first: this instance refuses from now on even if the write below has to be retried.
    this.active.apply(terms);
    await this.store.record(terms);
  }
}

/** Brings an instance's memory up to what the collection says (at start-up, then now and then). */
export class RefreshSelectionPools {
  constructor(
    private readonly store: SelectionPoolCopyStore,
    private readonly active: ActiveSelectionPools,
  ) {}

  async execute(): Promise<{ pools: number }> {
    this.active.applyAll(await this.store.all());
    return { pools: this.active.size };
  }
}
