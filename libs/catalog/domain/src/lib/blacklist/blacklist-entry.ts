import type { BlacklistEntryState } from '@supply-hub/blacklist';
import type { BlacklistTarget, BlacklistTargetKind, SerializedEvent } from '@supply-hub/contracts';

/**
 * A quality blacklist entry as catalog-sync keeps it. Entries are never deleted: a removal or an expiry
 * is recorded on the entry, so "who blacklisted this, why, and who lifted it" stays answerable.
 */
export interface BlacklistEntry {
  entryId: string;
  target: BlacklistTarget;
  /** blacklistKeyOf(target): two active entries never share one. */
  key: string;
  reason: string;
  evidenceUrl?: string;
  /** The staff subject who wrote it. */
  author: string;
  createdAt: Date;
  expiresAt?: Date;
  state: BlacklistEntryState;
  removedAt?: Date;
  removedBy?: string;
  removalReason?: string;
  expiredAt?: Date;
}

/** What ending an entry writes on it. */
export type BlacklistEntryEnding = { state: 'removed'; removedAt: Date; removedBy: string; removalReason: string } | { state: 'expired'; expiredAt: Date };

export interface BlacklistListFilter {
  kind?: BlacklistTargetKind;
  /** true: entries that apply now; false: removed, expired, or past their expiry. */
  active?: boolean;
  now: Date;
  /** Newest first: entries created before this one (cursor paging). */
  before?: { createdAt: Date; entryId: string };
}

/** Who holds an overlap key when a claim finds it taken. */
export interface BlacklistKeyHolder {
  entryId: string;
  since: Date;
}

/**
 * Port to the blacklist's storage (implemented in @supply-hub/catalog-data-access). Overlap is prevented
 * by a claim on the entry's key (a unique `_id` elsewhere), taken before the entry is written and given
 * back when it ends: without multi-document transactions, that is what keeps two staff members adding
 * the same brand at the same moment from both succeeding.
 */
export interface BlacklistStore {
  /** Claims `key` for `entryId`; the current holder when someone has it. */
  claimKey(key: string, entryId: string, at: Date): Promise<{ claimed: true } | { claimed: false; holder: BlacklistKeyHolder }>;
  /** Moves the key from `from` (an ended or never-written entry) to `to`; false when it was not `from`'s any more. */
  takeOverKey(key: string, from: string, to: string, at: Date): Promise<boolean>;
  /** Gives the key back if `entryId` still holds it. */
  releaseKey(key: string, entryId: string): Promise<void>;
  /** The new entry and the events announcing it, in one write. */
  insert(entry: BlacklistEntry, events: readonly SerializedEvent[]): Promise<void>;
  /** Ends an active entry with the events announcing it, in one write; false when it is not active (any more). */
  end(entryId: string, ending: BlacklistEntryEnding, events: readonly SerializedEvent[]): Promise<boolean>;
  get(entryId: string): Promise<BlacklistEntry | null>;
  /** Newest first. */
  list(filter: BlacklistListFilter, limit: number): Promise<BlacklistEntry[]>;
  /** Entries still marked active (some may be past their expiry): what an instance loads at start-up. */
  activeEntries(): Promise<BlacklistEntry[]>;
  /** Active entries whose expiry is at or before `now`, soonest first. */
  dueForExpiry(now: Date, limit: number): Promise<BlacklistEntry[]>;
}
