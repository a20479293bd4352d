import type { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredResponse } from '@supply-hub/http';
import type { Model } from 'mongoose';
import type { IdempotencyDocument } from './idempotency-record.schema';
import { isDuplicateKeyError } from '../errors/duplicate-key';

/** Idempotency keys per caller in `idempotency_keys`; every step is one conditional single-document write. */
export class MongoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly model: Model<IdempotencyDocument>) {}

  async claim(record: Omit<IdempotencyRecord, 'state' | 'response'>): Promise<ClaimResult> {
    // The holder may release between our failed insert and our read; a couple of rounds settle it.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.collection.insertOne({ ...record, state: 'pending' });
        return { claimed: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = (await this.model.findOne({ owner: record.owner, key: record.key }).lean().exec()) as IdempotencyRecord | null;
      if (existing) return { claimed: false, existing };
    }
    throw new Error(`idempotency key ${record.key} keeps changing hands`);
  }

  async takeOver(seen: IdempotencyRecord, fresh: Pick<IdempotencyRecord, 'fingerprint' | 'claimedAt' | 'expiresAt'>): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { owner: seen.owner, key: seen.key, state: seen.state, claimedAt: seen.claimedAt, fingerprint: seen.fingerprint },
        { $set: { ...fresh, state: 'pending' }, $unset: { response: 1 } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async complete(owner: string, key: string, claimedAt: Date, response: StoredResponse): Promise<void> {
    await this.model.updateOne({ owner, key, claimedAt, state: 'pending' }, { $set: { state: 'completed', response } }).exec();
  }

  async release(owner: string, key: string, claimedAt: Date): Promise<void> {
    await this.model.deleteOne({ owner, key, claimedAt, state: 'pending' }).exec();
  }

  /** Deletes records past their expiry; safe to run from every instance at once. */
  async purgeExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lt: now } }).exec();
    return result.deletedCount;
  }
}
