import type { SellableSku } from '@supply-hub/orders-domain';
import { CATEGORY_FAMILIES } from '@supply-hub/contracts';
import { type ModelDefinition, SCHEMA_OPTIONS } from '@supply-hub/mongo';
import { Schema } from 'mongoose';

/** One catalog SKU as order-router knows it; `_id` is the SKU id. */
export type SellableSkuDocument = Omit<SellableSku, 'skuId'> & { _id: string };

const sellableSkuSchema = new Schema<SellableSkuDocument>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    sellable: { type: Boolean, required: true },
    title: { type: String },
    brand: { type: String },
    categoryFamily: { type: String, enum: CATEGORY_FAMILIES },
    subcategory: { type: String },
    contractPriceFen: { type: Number },
    supplyPriceFen: { type: Number },
    marketPriceFen: { type: Number },
    stock: { type: Number },
    bestOffer: { type: new Schema({ sourceId: String, externalId: String }, { _id: false }), default: undefined },
    barcode: { type: String },
    imageUrl: { type: String },
    delistedReason: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'sellable_skus' },
);

export const SELLABLE_SKU_MODEL: ModelDefinition<SellableSkuDocument> = {
  name: 'SellableSku',
  schema: sellableSkuSchema,
};
