import type { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredResponse } from '@supply-hub/http';
import type { Model } from 'mongoose';
import { type IdempotencyDocument, idempotencyRecordId } from './idempotency-record.schema';
import { isDuplicateKeyError } from '../errors/duplicate-key';

/** Idempotency keys per caller in `idempotency_keys`; every step is one conditional single-document write. */
export class MongoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly model: Model<IdempotencyDocument>) {}

  async claim(record: Omit<IdempotencyRecord, 'state' | 'response'>): Promise<ClaimResult> {
    // The holder may release between our failed insert and our read; a couple of rounds settle it.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.create({ _id: idempotencyRecordId(record.owner, record.key), ...record, state: 'pending' });
        return { claimed: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.read(record.owner, record.key);
      if (existing) return { claimed: false, existing };
    }
    throw new Error(`idempotency key ${record.key} keeps changing hands`);
  }

  async takeOver(seen: IdempotencyRecord, fresh: Pick<IdempotencyRecord, 'fingerprint' | 'claimedAt' | 'expiresAt'>): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: idempotencyRecordId(seen.owner, seen.key), state: seen.state, claimedAt: seen.claimedAt, fingerprint: seen.fingerprint },
        { $set: { ...fresh, state: 'pending' }, $unset: { response: 1 } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async complete(owner: string, key: string, claimedAt: Date, response: StoredResponse): Promise<void> {
    await this.model.updateOne({ _id: idempotencyRecordId(owner, key), claimedAt, state: 'pending' }, { $set: { state: 'completed', response } }).exec();
  }

  async release(owner: string, key: string, claimedAt: Date): Promise<void> {
    await this.model.deleteOne({ _id: idempotencyRecordId(owner, key), claimedAt, state: 'pending' }).exec();
  }

  private async read(owner: string, key: string): Promise<IdempotencyRecord | null> {
    const document = (await this.model.findById(idempotencyRecordId(owner, key)).lean().exec()) as IdempotencyDocument | null;
    if (!document) return null;
    const { _id: _omitted, ...record } = document;
    return record;
  }

  /** Deletes records past their expiry; safe to run from every instance at once. */
  async purgeExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lt: now } }).exec();
    return result.deletedCount;
  }
}
