import type { BlacklistEntry, BlacklistEntryEnding, BlacklistKeyHolder, BlacklistListFilter, BlacklistStore } from '@supply-hub/catalog-domain';
import type { SerializedEvent } from '@supply-hub/contracts';

/** BlacklistStore in memory, for use-case specs: same answers as the Mongo one, events kept in `outbox`. */
export class InMemoryBlacklistStore implements BlacklistStore {
  readonly entries = new Map<string, BlacklistEntry>();
  readonly keys = new Map<string, BlacklistKeyHolder>();
  readonly outbox: SerializedEvent[] = [];

  async claimKey(key: string, entryId: string, at: Date) {
    const holder = this.keys.get(key);
    if (holder) return { claimed: false as const, holder };
    this.keys.set(key, { entryId, since: at });
    return { claimed: true as const };
  }

  async takeOverKey(key: string, from: string, to: string, at: Date) {
    if (this.keys.get(key)?.entryId !== from) return false;
    this.keys.set(key, { entryId: to, since: at });
    return true;
  }

  async releaseKey(key: string, entryId: string) {
    if (this.keys.get(key)?.entryId === entryId) this.keys.delete(key);
  }

  async insert(entry: BlacklistEntry, events: readonly SerializedEvent[]) {
    if (this.entries.has(entry.entryId)) throw new Error(`duplicate entry ${entry.entryId}`);
    this.entries.set(entry.entryId, structuredClone(entry));
    this.outbox.push(...events);
  }

  async end(entryId: string, ending: BlacklistEntryEnding, events: readonly SerializedEvent[]) {
    const entry = this.entries.get(entryId);
    if (entry?.state !== 'active') return false;
    this.entries.set(entryId, { ...entry, ...ending });
    this.outbox.push(...events);
    return true;
  }

  async get(entryId: string) {
    const entry = this.entries.get(entryId);
    return entry ? structuredClone(entry) : null;
  }

  async list(filter: BlacklistListFilter, limit: number) {
    const applies = (entry: BlacklistEntry) => entry.state === 'active' && !(entry.expiresAt && entry.expiresAt <= filter.now);
    return [...this.entries.values()]
      .filter((entry) => (filter.kind === undefined || entry.target.kind === filter.kind) && (filter.active === undefined || applies(entry) === filter.active))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.entryId < b.entryId ? 1 : -1))
      .slice(0, limit);
  }

  async activeEntries() {
    return [...this.entries.values()].filter((entry) => entry.state === 'active');
  }

  async dueForExpiry(now: Date, limit: number) {
    return [...this.entries.values()]
      .filter((entry) => entry.state === 'active' && entry.expiresAt !== undefined && entry.expiresAt <= now)
      .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
      .slice(0, limit);
  }
}
