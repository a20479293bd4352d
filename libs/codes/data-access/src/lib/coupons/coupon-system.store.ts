import type { SealedSecret } from '@supply-hub/codes-domain';
import type { Collection, Db } from 'mongodb';

export const COUPON_SYSTEMS_COLLECTION = 'coupon_systems';

/** A mall's coupon system as registered (`_id` = tenant id); its credential sealed like the codes. */
export interface CouponSystemDocument {
  _id: string;
  url: string;
  credential: SealedSecret;
  updatedAt: Date;
}

export class CouponSystemStore {
  readonly systems: Collection<CouponSystemDocument>;

  constructor(db: Db) {
    this.systems = db.collection<CouponSystemDocument>(COUPON_SYSTEMS_COLLECTION);
  }

  async put(system: CouponSystemDocument): Promise<void> {
    await this.systems.replaceOne({ _id: system._id }, system, { upsert: true });
  }

  async get(tenantId: string): Promise<CouponSystemDocument | null> {
    return this.systems.findOne({ _id: tenantId });
  }

  /** Every registration (a small collection: one per mall), for key rotation. */
  async all(): Promise<CouponSystemDocument[]> {
    return this.systems.find({}).toArray();
  }

  /** Replaces the sealed credential if it is still the one read. */
  async reseal(system: CouponSystemDocument, credential: SealedSecret): Promise<boolean> {
    return (await this.systems.updateOne({ _id: system._id, 'credential.iv': system.credential.iv }, { $set: { credential } })).modifiedCount === 1;
  }

  async remove(tenantId: string): Promise<boolean> {
    return (await this.systems.deleteOne({ _id: tenantId })).deletedCount === 1;
  }
}
