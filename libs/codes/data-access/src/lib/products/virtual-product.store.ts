import type { VirtualProduct } from '@supply-hub/codes-domain';
import type { SerializedEvent } from '@supply-hub/contracts';
import type { MongoOutboxStore } from '@supply-hub/mongo';
import type { Collection, Db } from 'mongodb';

export const VIRTUAL_PRODUCTS_COLLECTION = 'virtual_products';

/**
 * A virtual product as stored (`_id` = SKU id). It also carries its pool's alert state, so the
 * low-stock event is sent once per crossing, and the pool events ride on its outbox.
 */
export type VirtualProductDocument = Omit<VirtualProduct, 'skuId'> & {
  _id: string;
  lowStockAlerted?: boolean;
  updatedAt: Date;
  updatedBy: string;
};

export function toVirtualProduct(document: VirtualProductDocument): VirtualProduct {
  return {
    skuId: document._id,
    name: document.name,
    fulfilment: document.fulfilment,
    faceValueFen: document.faceValueFen,
    ...(document.accountKind ? { accountKind: document.accountKind } : {}),
    providers: document.providers,
    ...(document.lowStockThreshold !== undefined ? { lowStockThreshold: document.lowStockThreshold } : {}),
  };
}

export class VirtualProductStore {
  readonly products: Collection<VirtualProductDocument>;
  private readonly cache = new Map<string, { product: VirtualProductDocument | null; at: number }>();

  /** `cacheMs`: how long an issuance may go by a product as read before (staff changes are seen within it). */
  constructor(
    db: Db,
    private readonly outbox: MongoOutboxStore,
    private readonly cacheMs = 2_000,
  ) {
    this.products = db.collection<VirtualProductDocument>(VIRTUAL_PRODUCTS_COLLECTION);
  }

  /** The product as read at most `cacheMs` ago: what the issuance path reads, once per line. */
  async getCached(skuId: string): Promise<VirtualProductDocument | null> {
    const cached = this.cache.get(skuId);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.product;
    const product = await this.get(skuId);
    this.cache.set(skuId, { product, at: Date.now() });
    return product;
  }

  async put(product: VirtualProduct, by: string, now: Date): Promise<VirtualProductDocument> {
    const { skuId, ...fields } = product;
    const unset: Record<string, ''> = { ...(product.accountKind ? {} : { accountKind: '' as const }), ...(product.lowStockThreshold !== undefined ? {} : { lowStockThreshold: '' as const }) };
    this.cache.delete(skuId);
    await this.products.updateOne(
      { _id: skuId },
      { $set: { ...fields, updatedAt: now, updatedBy: by }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
      { upsert: true },
    );
    return (await this.products.findOne({ _id: skuId }))!;
  }

  async get(skuId: string): Promise<VirtualProductDocument | null> {
    return this.products.findOne({ _id: skuId });
  }

  async list(): Promise<VirtualProductDocument[]> {
    return this.products.find({}).sort({ _id: 1 }).toArray();
  }

  async pools(): Promise<VirtualProductDocument[]> {
    return this.products.find({ fulfilment: 'pool' }).sort({ _id: 1 }).toArray();
  }

  /** Flips the pool's alert flag from `from` to its opposite with the events announcing it: false when it already was. */
  async flipLowStock(skuId: string, from: boolean, events: readonly SerializedEvent[]): Promise<boolean> {
    const filter = from ? { _id: skuId, lowStockAlerted: true } : { _id: skuId, lowStockAlerted: { $ne: true } };
    return this.outbox.updateOne(VIRTUAL_PRODUCTS_COLLECTION, filter, { $set: { lowStockAlerted: !from } }, events);
  }

  /** Announces a pool event (expired codes set aside) through the product's outbox. */
  async announce(skuId: string, events: readonly SerializedEvent[]): Promise<void> {
    await this.outbox.updateOne(VIRTUAL_PRODUCTS_COLLECTION, { _id: skuId }, { $set: { poolEventAt: new Date() } }, events);
  }
}
