import type { BlacklistChangedData, BlacklistTarget } from '@supply-hub/contracts';
import { blacklistText } from './blacklist-text';
import { asPreparedSubject, type BlacklistSubject, blacklistKeyOf, candidateKeysOf, type PreparedBlacklistSubject } from './match-blacklist';

/** What a service needs of an entry to apply it and to say why a SKU is refused. */
export interface BlacklistEntryTerms {
  entryId: string;
  target: BlacklistTarget;
  reason: string;
  expiresAt?: Date;
}

/** What an entry's state may be: a removed or expired entry never applies again. */
export type BlacklistEntryState = 'active' | 'removed' | 'expired';

/** Where a service keeps its entries (catalog-sync's blacklist, order-router's copies). */
export interface BlacklistSource {
  /** The entries stored as active (some may be past their expiry). */
  activeEntries(): Promise<BlacklistEntryTerms[]>;
  /** One entry's stored state; null when the store does not have it. */
  stateOf(entryId: string): Promise<BlacklistEntryState | null>;
}

interface Indexed {
  terms: BlacklistEntryTerms;
  key: string;
}

/**
 * The active blacklist entries of one service instance, in memory, and the question every sale asks:
 * does an active entry name this SKU? Fed from the store at start-up and from BlacklistChanged events,
 * in any order and any number of times: an entry once removed or expired stays ended, so an `added`
 * redelivered (or read from a store snapshot taken before the removal) does not bring it back.
 *
 * An entry past its `expiresAt` stops applying at that moment, whether or not the expiry sweep has
 * announced it yet.
 */
export class ActiveBlacklist {
  private readonly active = new Map<string, Indexed>();
  private readonly ended = new Set<string>();
  /** Exact-match entries by key (sku:…, brand:…, supplier:…, category:…, family:…); keywords apart. */
  private byKey = new Map<string, Indexed[]>();
  private keywords: { folded: string; entry: Indexed }[] = [];
  private stale = false;

  /** Active entries held (some may be past their expiry and no longer apply). */
  get size(): number {
    return this.active.size;
  }

  /** Adds an active entry; false when it is known to have ended or its value matches nothing. */
  add(terms: BlacklistEntryTerms): boolean {
    if (this.ended.has(terms.entryId)) return false;
    const key = blacklistKeyOf(terms.target);
    if (key === '') return false;
    this.active.set(terms.entryId, { terms, key });
    this.stale = true;
    return true;
  }

  /** The entry no longer applies (removed or expired), for good. */
  end(entryId: string): void {
    this.ended.add(entryId);
    if (this.active.delete(entryId)) this.stale = true;
  }

  /** An entry as a store keeps it: active ones are added, ended ones ended. */
  load(terms: BlacklistEntryTerms, state: BlacklistEntryState): void {
    if (state === 'active') this.add(terms);
    else this.end(terms.entryId);
  }

  /**
   * Brings the set up to what `source` stores: entries stored as active are added; an entry held here
   * but missing from that read is looked up by id and ended only if the store says it ended (it may
   * have been written after the read began, and an entry once ended here never comes back). Returns how
   * many entries are held.
   */
  async refreshFrom(source: BlacklistSource): Promise<number> {
    const stored = await source.activeEntries();
    const ids = new Set(stored.map((terms) => terms.entryId));
    for (const terms of stored) this.add(terms);
    for (const entryId of this.entryIds()) {
      if (ids.has(entryId)) continue;
      const state = await source.stateOf(entryId);
      if (state !== null && state !== 'active') this.end(entryId);
    }
    return this.size;
  }

  /** A BlacklistChanged event. */
  apply(change: BlacklistChangedData): void {
    if (change.change !== 'added') return this.end(change.entryId);
    this.add({
      entryId: change.entryId,
      target: change.target,
      reason: change.reason,
      ...(change.expiresAt ? { expiresAt: new Date(change.expiresAt) } : {}),
    });
  }

  /** The ids of the entries held as active, whether or not past their expiry. */
  entryIds(): string[] {
    return [...this.active.keys()];
  }

  /** The entries that apply at `now`. */
  entries(now: Date = new Date()): BlacklistEntryTerms[] {
    return [...this.active.values()].filter((entry) => applies(entry, now)).map((entry) => entry.terms);
  }

  /** The first entry that applies at `now` and names the SKU, or undefined: may it be sold? */
  firstMatch(subject: BlacklistSubject | PreparedBlacklistSubject, now: Date = new Date()): BlacklistEntryTerms | undefined {
    if (this.active.size === 0) return undefined;
    this.reindex();
    const prepared = asPreparedSubject(subject);
    for (const key of candidateKeysOf(prepared)) {
      const found = this.byKey.get(key)?.find((entry) => applies(entry, now));
      if (found) return found.terms;
    }
    return this.keywords.find(({ folded, entry }) => prepared.title.includes(folded) && applies(entry, now))?.entry.terms;
  }

  // Rebuilt on the first question after a change: entries change a few times a day, SKUs are asked about
  // thousands of times a second.
  private reindex(): void {
    if (!this.stale) return;
    const byKey = new Map<string, Indexed[]>();
    const keywords: { folded: string; entry: Indexed }[] = [];
    for (const entry of this.active.values()) {
      if (entry.terms.target.kind === 'keyword') {
        keywords.push({ folded: blacklistText(entry.terms.target.value), entry });
        continue;
      }
      const list = byKey.get(entry.key);
      if (list) list.push(entry);
      else byKey.set(entry.key, [entry]);
    }
    this.byKey = byKey;
    this.keywords = keywords;
    this.stale = false;
  }
}

function applies(entry: Indexed, now: Date): boolean {
  return entry.terms.expiresAt === undefined || entry.terms.expiresAt.getTime() > now.getTime();
}
