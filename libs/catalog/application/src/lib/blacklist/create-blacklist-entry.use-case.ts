import { randomBytes } from 'node:crypto';
import { blacklistKeyOf, checkBlacklistTerms } from '@supply-hub/blacklist';
import type { BlacklistEntry, BlacklistStore } from '@supply-hub/catalog-domain';
import type { BlacklistChangedData, BlacklistTarget } from '@supply-hub/contracts';
import { ConflictError, type FieldIssue, ValidationError } from '@supply-hub/errors';
import { BlacklistOverlapError } from './blacklist-errors';
import { blacklistChangeOf, serializeBlacklistChange } from './blacklist-events';

export interface NewBlacklistEntry {
  target: BlacklistTarget;
  reason: string;
  evidenceUrl?: string;
  expiresAt?: Date;
}

export interface BlacklistWrite {
  entry: BlacklistEntry;
  /** The change as announced, for the caller to apply to its own instance at once. */
  change: BlacklistChangedData;
}

/** Entry ids: `bl_` and 20 random hex digits. */
export const BLACKLIST_ENTRY_ID = /^bl_[0-9a-f]{20}$/;
const SKU_ID = /^sku_[0-9a-f]{20}$/;
/**
 * A key whose holder entry does not exist is normally an entry being written this very moment; only a
 * claim older than this belongs to a writer that died between its two writes and may be taken over.
 */
const ORPHANED_CLAIM_MS = 30_000;

/**
 * Writes a blacklist entry and its `added` event in one write (the outbox relays it). The entry takes
 * effect where SKUs are sold: the catalog search hides matching SKUs and order-router refuses them. It
 * does not re-derive the stored products' `sellable` flag: a later curation step adds holds to products.
 */
export class CreateBlacklistEntry {
  constructor(
    private readonly store: BlacklistStore,
    /** Whether the catalog has the SKU (an `_id` lookup: never a scan of the products). */
    private readonly skuExists: (skuId: string) => Promise<boolean>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(input: NewBlacklistEntry, author: string): Promise<BlacklistWrite> {
    const now = this.now();
    const target: BlacklistTarget = { kind: input.target.kind, value: input.target.value.trim() };
    const issues: FieldIssue[] = checkBlacklistTerms({ target, expiresAt: input.expiresAt }, now);
    if (target.kind === 'sku' && !issues.some((issue) => issue.path === 'target.value')) {
      if (!SKU_ID.test(target.value)) issues.push({ path: 'target.value', message: 'must be a SKU id (sku_ and 20 hex digits)' });
      else if (!(await this.skuExists(target.value)))
        issues.push({ path: 'target.value', message: `unknown SKU ${target.value}: the catalog has no such SKU` });
    }
    if (issues.length > 0) throw new ValidationError('the blacklist entry cannot be written', issues);

    const entry: BlacklistEntry = {
      entryId: `bl_${randomBytes(10).toString('hex')}`,
      target,
      key: blacklistKeyOf(target),
      reason: input.reason,
      ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
      author,
      createdAt: now,
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
      state: 'active',
    };
    await this.claimKey(entry, now);
    const change = blacklistChangeOf(entry, 'added', { reason: entry.reason, author, at: now });
    try {
      // audit: blacklist.create
      await this.store.insert(entry, [serializeBlacklistChange(change)]);
    } catch (error) {
      await this.store.releaseKey(entry.key, entry.entryId).catch(() => undefined);
      throw error;
    }
    return { entry, change };
  }

  /** Takes the entry's overlap key, or refuses with the active entry that has it. */
  private async claimKey(entry: BlacklistEntry, now: Date): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claim = await this.store.claimKey(entry.key, entry.entryId, now);
      if (claim.claimed) return;
      const holder = await this.store.get(claim.holder.entryId);
      if (holder && holder.state === 'active' && !(holder.expiresAt && holder.expiresAt.getTime() <= now.getTime())) throw new BlacklistOverlapError(holder);
      if (!holder && now.getTime() - claim.holder.since.getTime() < ORPHANED_CLAIM_MS) {
        throw new ConflictError(`an entry for ${entry.target.kind} "${entry.target.value}" is being written at this moment; look at the list and try again`);
      }
      // Its holder has ended (removed, or past its expiry before the sweep got to it) or was never written.
      if (await this.store.takeOverKey(entry.key, claim.holder.entryId, entry.entryId, now)) return;
    }
    throw new ConflictError(`entries for ${entry.target.kind} "${entry.target.value}" keep being written at this moment; try again`);
  }
}
