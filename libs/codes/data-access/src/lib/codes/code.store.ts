import type { SealedSecret } from '@supply-hub/codes-domain';
import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const CODES_COLLECTION = 'codes';

/**
 * available → allocated (to one issuance slot) | expired. A code bought from a provider is stored
 * allocated straight away. `slot` is unique: `free:<codeId>` while unallocated, `<issuanceId>#<n>` once
 * it is the n-th code of an issuance, so no slot ever gets two codes and no code two slots, on MongoDB
 * and FerretDB alike (no partial indexes needed).
 */
export type CodeStatus = 'available' | 'allocated' | 'expired';

export interface CodeDocument {
  _id: string;
  skuId: string;
  batchId: string;
  source: 'pool' | 'provider';
  /** HMAC of the code (duplicate detection without the plaintext); unique. */
  fingerprint: string;
  code: SealedSecret;
  password?: SealedSecret;
  expiresAt: Date;
  faceValueFen: number;
  costFen: number;
  status: CodeStatus;
  slot: string;
  issuanceId?: string;
  allocatedAt?: Date;
  createdAt: Date;
}

export function freeSlotOf(codeId: string): string {
  return `free:${codeId}`;
}

export function issuanceSlot(issuanceId: string, n: number): string {
  return `${issuanceId}#${n}`;
}

export interface PoolCounts {
  available: number;
  allocated: number;
  expired: number;
}

export class CodeStore {
  readonly codes: Collection<CodeDocument>;

  constructor(db: Db) {
    this.codes = db.collection<CodeDocument>(CODES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.codes.createIndex({ slot: 1 }, { unique: true });
    await this.codes.createIndex({ fingerprint: 1 }, { unique: true });
    // Allocation: the product's available codes, soonest expiry first.
    await this.codes.createIndex({ skuId: 1, status: 1, expiresAt: 1 });
    await this.codes.createIndex({ issuanceId: 1 });
    await this.codes.createIndex({ batchId: 1 });
  }

  /**
   * The code in `slot`: the one already there (an earlier run allocated it and died before recording
   * it), else the available code of `skuId` closest to expiry, taken with one conditional write. A second
   * instance racing for the same slot loses on the unique slot and reads the winner's code. Null when
   * the pool has no unexpired code left.
   */
  async allocate(skuId: string, issuanceId: string, slot: string, now: Date): Promise<CodeDocument | null> {
    try {
      const taken = await this.codes.findOneAndUpdate(
        { skuId, status: 'available', expiresAt: { $gt: now } },
        { $set: { status: 'allocated', slot, issuanceId, allocatedAt: now } },
        { sort: { expiresAt: 1 }, returnDocument: 'after' },
      );
      if (taken) return taken;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return this.codes.findOne({ slot });
  }

  /** The code already in `slot`, if any. */
  async inSlot(slot: string): Promise<CodeDocument | null> {
    return this.codes.findOne({ slot });
  }

  /** Gives codes allocated to a failed issuance back to the pool (unexpired or not: expiry sets them aside later). */
  async release(issuanceId: string): Promise<number> {
    const held = await this.codes.find({ issuanceId, status: 'allocated', source: 'pool' }, { projection: { _id: 1 } }).toArray();
    let released = 0;
    for (const { _id } of held) {
      const result = await this.codes.updateOne({ _id, issuanceId, status: 'allocated' }, { $set: { status: 'available', slot: freeSlotOf(_id) }, $unset: { issuanceId: '', allocatedAt: '' } });
      released += result.modifiedCount;
    }
    return released;
  }

  async byIds(ids: readonly string[]): Promise<CodeDocument[]> {
    const found = await this.codes.find({ _id: { $in: [...ids] } }).toArray();
    const byId = new Map(found.map((code) => [code._id, code]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Which of these fingerprints are stored already. */
  async existingFingerprints(fingerprints: readonly string[]): Promise<Set<string>> {
    const existing = new Set<string>();
    for (let start = 0; start < fingerprints.length; start += 1_000) {
      const chunk = fingerprints.slice(start, start + 1_000);
      const found = await this.codes.find({ fingerprint: { $in: chunk } }, { projection: { fingerprint: 1 } }).toArray();
      for (const code of found) existing.add(code.fingerprint);
    }
    return existing;
  }

  /**
   * Stores a batch whole or not at all: when a code turns out to be stored already (a concurrent import
   * of the same code), whatever this batch wrote is removed again and the duplicate reported.
   */
  async insertBatch(codes: readonly CodeDocument[]): Promise<{ ok: true } | { ok: false; duplicateFingerprints: string[] }> {
    const batchIds = [...new Set(codes.map((code) => code.batchId))];
    try {
      for (let start = 0; start < codes.length; start += 1_000) await this.codes.insertMany(codes.slice(start, start + 1_000), { ordered: true });
      return { ok: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.codes.deleteMany({ batchId: { $in: batchIds } });
      const duplicates = await this.existingFingerprints(codes.map((code) => code.fingerprint));
      return { ok: false, duplicateFingerprints: [...duplicates] };
    }
  }

  /** Stores codes bought for an issuance (allocated at once); a code already in its slot is kept. */
  async insertBought(code: CodeDocument): Promise<CodeDocument> {
    try {
      await this.codes.insertOne(code);
      return code;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.codes.findOne({ slot: code.slot });
      if (!existing) throw error;
      return existing;
    }
  }

  async counts(skuId: string, now: Date): Promise<PoolCounts> {
    const [available, allocated, expired, stale] = await Promise.all([
      this.codes.countDocuments({ skuId, status: 'available', expiresAt: { $gt: now } }),
      this.codes.countDocuments({ skuId, status: 'allocated' }),
      this.codes.countDocuments({ skuId, status: 'expired' }),
      // Past expiry but not yet set aside by the sweep: no longer issuable, counted as expired.
      this.codes.countDocuments({ skuId, status: 'available', expiresAt: { $lte: now } }),
    ]);
    return { available, allocated, expired: expired + stale };
  }

  /** Sets aside the unissued codes of `skuId` that expired by `now`; how many, with their value. */
  async setAsideExpired(skuId: string, now: Date): Promise<{ count: number; faceValueFen: number; costFen: number }> {
    const expired = await this.codes.find({ skuId, status: 'available', expiresAt: { $lte: now } }, { projection: { _id: 1, faceValueFen: 1, costFen: 1 } }).toArray();
    let count = 0;
    let faceValueFen = 0;
    let costFen = 0;
    for (const code of expired) {
      const result = await this.codes.updateOne({ _id: code._id, status: 'available' }, { $set: { status: 'expired' } });
      if (result.modifiedCount === 0) continue;
      count += 1;
      faceValueFen += code.faceValueFen;
      costFen += code.costFen;
    }
    return { count, faceValueFen, costFen };
  }

  /** Codes sealed with another key than `currentKeyId`, a page at a time (rotation). */
  async sealedWithOtherKey(currentKeyId: string, limit: number): Promise<CodeDocument[]> {
    return this.codes.find({ $or: [{ 'code.keyId': { $ne: currentKeyId } }, { 'password.keyId': { $exists: true, $ne: currentKeyId } }] }).limit(limit).toArray();
  }

  /** Replaces a code's ciphertexts if they are still the ones read (a concurrent rotation wins once). */
  async reseal(code: CodeDocument, sealed: Pick<CodeDocument, 'code' | 'password'>): Promise<boolean> {
    const result = await this.codes.updateOne(
      { _id: code._id, 'code.keyId': code.code.keyId, 'code.iv': code.code.iv },
      { $set: { code: sealed.code, ...(sealed.password ? { password: sealed.password } : {}) } },
    );
    return result.modifiedCount === 1;
  }
}
