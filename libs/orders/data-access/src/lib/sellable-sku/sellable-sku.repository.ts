import { isDuplicateKeyError } from '@supply-hub/mongo';
import type { SellableSku, SellableSkuChange, SellableSkuStore } from '@supply-hub/orders-domain';
import type { Model } from 'mongoose';
import type { SellableSkuDocument } from './sellable-sku.schema';

export class SellableSkuRepository implements SellableSkuStore {
  constructor(private readonly model: Model<SellableSkuDocument>) {}

  /**
   * One conditional upsert: the filter matches only an older copy; when a same-or-newer copy exists the
   * upsert's insert collides on `_id` (E11000), which is the "stale" answer. No read-then-write race.
   */
  async applyIfNewer(skuId: string, version: number, change: SellableSkuChange, at: Date): Promise<boolean> {
    try {
      await this.model.updateOne({ _id: skuId, version: { $lt: version } }, { $set: { ...change, version, updatedAt: at } }, { upsert: true }).exec();
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** The SKUs asked for that the read model knows, in one read. */
  async getMany(skuIds: readonly string[]): Promise<Map<string, SellableSku>> {
    const documents = await this.model
      .find({ _id: { $in: [...new Set(skuIds)] } })
      .lean()
      .exec();
    return new Map(documents.map(({ _id, ...rest }) => [_id, { skuId: _id, ...rest } as SellableSku]));
  }

  async get(skuId: string): Promise<SellableSku | null> {
    const document = await this.model.findById(skuId).lean().exec();
    if (!document) return null;
    const { _id, ...rest } = document;
    return { skuId: _id, ...rest };
  }
}
