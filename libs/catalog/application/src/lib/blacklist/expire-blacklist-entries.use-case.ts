import type { BlacklistStore } from '@supply-hub/catalog-domain';
import type { BlacklistChangedData } from '@supply-hub/contracts';
import { BLACKLIST_EXPIRY_AUTHOR, blacklistChangeOf, serializeBlacklistChange } from './blacklist-events';

export interface BlacklistExpiryReport {
  /** The changes announced by this pass (the caller applies them to its own instance). */
  expired: BlacklistChangedData[];
}

/**
 * Marks the entries past their expiry as expired, each with its `expired` event. The sellers already
 * stop applying an entry at its `expiresAt` on their own clocks; the event makes it final everywhere
 * (and shows in the entry's history). Safe with several instances sweeping: the write is conditional on
 * the entry still being active, so each expiry is announced once.
 */
export class ExpireBlacklistEntries {
  constructor(
    private readonly store: BlacklistStore,
    private readonly now: () => Date = () => new Date(),
    private readonly batchSize = 100,
  ) {}

  async execute(): Promise<BlacklistExpiryReport> {
    const now = this.now();
    const expired: BlacklistChangedData[] = [];
    for (const entry of await this.store.dueForExpiry(now, this.batchSize)) {
      const change = blacklistChangeOf(entry, 'expired', { reason: `expired at ${entry.expiresAt!.toISOString()}`, author: BLACKLIST_EXPIRY_AUTHOR, at: now });
      // audit: blacklist.expire (actor system:blacklist-expiry)
      if (await this.store.end(entry.entryId, { state: 'expired', expiredAt: now }, [serializeBlacklistChange(change)])) {
        await this.store.releaseKey(entry.key, entry.entryId);
        expired.push(change);
      }
    }
    return { expired };
  }
}
