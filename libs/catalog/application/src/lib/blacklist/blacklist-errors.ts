import type { BlacklistEntry } from '@supply-hub/catalog-domain';
import { ConflictError } from '@supply-hub/errors';

/** An active entry already names the same thing (same kind, same folded value). */
export class BlacklistOverlapError extends ConflictError {
  override readonly code = 'blacklist-overlap';

  constructor(existing: Pick<BlacklistEntry, 'entryId' | 'target'>) {
    super(`active blacklist entry ${existing.entryId} already covers ${existing.target.kind} "${existing.target.value}"`, {
      entryId: existing.entryId,
      target: existing.target,
    });
  }
}

/** The entry was removed or has expired already: there is nothing left to remove. */
export class BlacklistEntryEndedError extends ConflictError {
  override readonly code = 'blacklist-entry-ended';

  constructor(entry: Pick<BlacklistEntry, 'entryId' | 'state'>) {
    super(`blacklist entry ${entry.entryId} is ${entry.state} already`, { entryId: entry.entryId, state: entry.state });
  }
}
