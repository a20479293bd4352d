import type { ActiveBlacklist } from '@supply-hub/blacklist';
import type { BlacklistChangedData } from '@supply-hub/contracts';
import type { BlacklistCopyStore } from '@supply-hub/orders-domain';

/**
 * Keeps order-router's blacklist in step with the catalog's BlacklistChanged events: in this instance's
 * memory (what order intake asks) and in the small `blacklist_entries` collection (what an instance
 * loads when it starts). Both take a change any number of times, in any order.
 */
export class RecordBlacklistChange {
  constructor(
    private readonly store: BlacklistCopyStore,
    private readonly active: ActiveBlacklist,
  ) {}

  async execute(change: BlacklistChangedData): Promise<void> {
    // Memory first: this instance refuses from now on even if the write below has to be retried.
    this.active.apply(change);
    await this.store.record(change);
  }
}

/** Brings an instance's memory up to what the collection says (at start-up, then now and then). */
export class RefreshActiveBlacklist {
  constructor(
    private readonly store: BlacklistCopyStore,
    private readonly active: ActiveBlacklist,
  ) {}

  async execute(): Promise<{ active: number }> {
    const active = await this.active.refreshFrom({
      activeEntries: async () => (await this.store.activeCopies()).map((copy) => copy.terms),
      stateOf: async (entryId) => (await this.store.get(entryId))?.state ?? null,
    });
    return { active };
  }
}
