import type { BlacklistStore } from '@supply-hub/catalog-domain';
import { NotFoundError } from '@supply-hub/errors';
import { BlacklistEntryEndedError } from './blacklist-errors';
import { blacklistChangeOf, serializeBlacklistChange } from './blacklist-events';
import type { BlacklistWrite } from './create-blacklist-entry.use-case';

/**
 * Lifts an entry: it stays, marked removed with who and why, and a `removed` event tells the services
 * selling SKUs. Its overlap key is given back afterwards, so the same value can be blacklisted again.
 */
export class RemoveBlacklistEntry {
  constructor(
    private readonly store: BlacklistStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(entryId: string, reason: string, by: string): Promise<BlacklistWrite> {
    const entry = await this.store.get(entryId);
    if (!entry) throw new NotFoundError('blacklist entry', entryId);
    if (entry.state !== 'active') throw new BlacklistEntryEndedError(entry);
    const now = this.now();
    const ending = { state: 'removed', removedAt: now, removedBy: by, removalReason: reason } as const;
    const change = blacklistChangeOf(entry, 'removed', { reason, author: by, at: now });
    // audit: blacklist.remove
    if (!(await this.store.end(entryId, ending, [serializeBlacklistChange(change)]))) {
      // Removed or expired by someone else since it was read.
      throw new BlacklistEntryEndedError((await this.store.get(entryId)) ?? entry);
    }
    await this.store.releaseKey(entry.key, entryId);
    return { entry: { ...entry, ...ending }, change };
  }
}
