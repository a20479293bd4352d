import type { SealedSecret } from '@supply-hub/codes-domain';
import { isDuplicateKeyError, updateEachReadingBack } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const CODES_COLLECTION = 'codes';

/**
 * available → allocated (to one issuance) | expired; allocated → reported-invalid (an after-sales case
 * reported it and the line was reissued: it stays with its issuance and never goes back to the pool). A
 * code bought from a provider is stored allocated.
 */
export type CodeStatus = 'available' | 'allocated' | 'expired' | 'reported-invalid';

/**
 * One card code (卡密), sealed. A pool code's id is `<laneId>:<n>`: its place in the lane that hands it
 * out (see CodePool), so allocation reads and writes codes by `_id` only.
 */
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
  issuanceId?: string;
  allocatedAt?: Date;
  /** The case that reported the code invalid, and when (status reported-invalid). */
  reportedCaseId?: string;
  reportedAt?: Date;
  createdAt: Date;
}

export class CodeStore {
  readonly codes: Collection<CodeDocument>;

  constructor(db: Db) {
    this.codes = db.collection<CodeDocument>(CODES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.codes.createIndex({ fingerprint: 1 }, { unique: true });
    // Reports and batch jobs (MongoDB); the hot paths go by _id.
    await this.codes.createIndex({ skuId: 1, status: 1 });
    await this.codes.createIndex({ batchId: 1 });
  }

  /** Takes an available, unexpired code for `issuanceId` with one conditional write; null when it is not. */
  async claim(codeId: string, issuanceId: string, now: Date): Promise<CodeDocument | null> {
    return this.codes.findOneAndUpdate(
      { _id: codeId, status: 'available', expiresAt: { $gt: now } },
      { $set: { status: 'allocated', issuanceId, allocatedAt: now } },
      { returnDocument: 'after' },
    );
  }

  /**
   * Claims each code for its issuance, as `claim` does, in one write; returns the codes that are now
   * their issuance's (all of them unless one was expired or taken: then read back).
   */
  async claimMany(claims: readonly { codeId: string; issuanceId: string }[], now: Date): Promise<Set<string>> {
    const stands = await updateEachReadingBack(
      this.codes,
      claims.map(({ codeId, issuanceId }) => ({
        filter: { _id: codeId, status: 'available', expiresAt: { $gt: now } },
        update: { $set: { status: 'allocated', issuanceId, allocatedAt: now } },
      })),
      (code, index) => code?.status === 'allocated' && code.issuanceId === claims[index]!.issuanceId,
      { status: 1, issuanceId: 1 },
    );
    return new Set(claims.filter((_, index) => stands[index]).map((claim) => claim.codeId));
  }

  /** Gives a code back (its issuance failed); only if it is still the issuance's. */
  async unclaim(codeId: string, issuanceId: string): Promise<boolean> {
    const result = await this.codes.updateOne({ _id: codeId, issuanceId, status: 'allocated' }, { $set: { status: 'available' }, $unset: { issuanceId: '', allocatedAt: '' } });
    return result.modifiedCount === 1;
  }

  /**
   * Marks an issuance's codes reported invalid by a case (one conditional write each, by `_id`; repeating
   * it changes nothing). Only codes still allocated to that issuance move: unclaim needs `allocated`, so
   * none of them can be given back to the pool afterwards.
   */
  async reportInvalid(codeIds: readonly string[], issuanceId: string, caseId: string, now: Date): Promise<number> {
    let reported = 0;
    for (const codeId of codeIds) {
      const result = await this.codes.updateOne({ _id: codeId, issuanceId, status: 'allocated' }, { $set: { status: 'reported-invalid', reportedCaseId: caseId, reportedAt: now } });
      reported += result.modifiedCount;
    }
    return reported;
  }

  async byIds(ids: readonly string[]): Promise<CodeDocument[]> {
    const found: CodeDocument[] = [];
    for (let start = 0; start < ids.length; start += 500) found.push(...(await this.codes.find({ _id: { $in: ids.slice(start, start + 500) } }).toArray()));
    const byId = new Map(found.map((code) => [code._id, code]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Which of these fingerprints are stored already, and in which batch. */
  async existingFingerprints(fingerprints: readonly string[]): Promise<Map<string, string>> {
    const existing = new Map<string, string>();
    for (let start = 0; start < fingerprints.length; start += 1_000) {
      const chunk = fingerprints.slice(start, start + 1_000);
      const found = await this.codes.find({ fingerprint: { $in: chunk } }, { projection: { fingerprint: 1, batchId: 1 } }).toArray();
      for (const code of found) existing.set(code.fingerprint, code.batchId);
    }
    return existing;
  }

  /**
   * Stores a batch's codes; when one turns out to be stored already (a concurrent import of the same
   * code), whatever this call wrote is removed again and false returned.
   */
  async insertBatch(codes: readonly CodeDocument[]): Promise<boolean> {
    try {
      for (let start = 0; start < codes.length; start += 1_000) await this.codes.insertMany(codes.slice(start, start + 1_000), { ordered: true });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.removeBatches([...new Set(codes.map((code) => code.batchId))]);
      return false;
    }
  }

  /** Removes the codes of batches an import left half written (never committed). */
  async removeBatches(batchIds: readonly string[]): Promise<void> {
    if (batchIds.length > 0) await this.codes.deleteMany({ batchId: { $in: [...batchIds] }, status: 'available' });
  }

  /** Stores a code bought for an issuance (allocated at once); the one already stored under its id is kept. */
  async insertBought(code: CodeDocument): Promise<CodeDocument> {
    try {
      await this.codes.insertOne(code);
      return code;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.codes.findOne({ _id: code._id });
      if (!existing) throw error;
      return existing;
    }
  }

  /** Marks these codes expired where they are still available; how many, with their value. */
  async expire(ids: readonly string[]): Promise<{ count: number; faceValueFen: number; costFen: number }> {
    let count = 0;
    let faceValueFen = 0;
    let costFen = 0;
    for (const code of await this.byIds(ids)) {
      const result = await this.codes.updateOne({ _id: code._id, status: 'available' }, { $set: { status: 'expired' } });
      if (result.modifiedCount === 0) continue;
      count += 1;
      faceValueFen += code.faceValueFen;
      costFen += code.costFen;
    }
    return { count, faceValueFen, costFen };
  }

  /** Of these codes, the ones still available. */
  async stillAvailable(ids: readonly string[]): Promise<string[]> {
    return (await this.byIds(ids)).filter((code) => code.status === 'available').map((code) => code._id);
  }

  /** Codes sealed with another key than `currentKeyId`, a page at a time (rotation, a batch job). */
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
