import { createHash } from 'node:crypto';
import type { ProductChangeKind, ProductState } from '@supply-hub/catalog-domain';
import {
  createEvent,
  type SerializedEvent,
  serializeEvent,
  SkuDelisted,
  SkuPriceChanged,
  type SkuState,
  SkuStockChanged,
  SkuUpserted,
} from '@supply-hub/contracts';

export const CATALOG_EVENT_SOURCE = '/catalog-sync';

/** The SKU state every SKU event carries, from a stored product version. */
export function skuStateOf(product: ProductState, version: number): SkuState {
  const best = product.offers.find((offer) => offer.offerId === product.bestOfferId);
  return {
    skuId: product.skuId,
    title: product.title,
    ...(product.brand ? { brand: product.brand } : {}),
    categoryFamily: product.categoryFamily,
    subcategory: product.subcategory,
    contractPriceFen: product.contractPriceFen,
    supplyPriceFen: product.supplyPriceFen,
    marketPriceFen: product.marketPriceFen,
    stock: product.stock,
    sellable: product.sellable,
    ...(product.curation ? { curationStatus: product.curation.status } : {}),
    bestOffer: best ? { sourceId: best.sourceId, externalId: best.externalId } : null,
    ...(product.barcode ? { barcode: product.barcode } : {}),
    ...(product.images[0] ? { imageUrl: product.images[0] } : {}),
    version,
  };
}

/**
 * The event id of a product version: derived, not random, so that a page processed again after a crash
 * announces the versions it wrote under the same ids and consumers' ledgers drop the repeats.
 */
export function skuEventId(skuId: string, version: number): string {
  const hex = createHash('sha256').update(`${skuId}:${version}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The one event that announces `next` at `version`, by the kind of change; undefined for 'none'. */
export function skuEventFor(
  kind: ProductChangeKind | 'reannounce',
  previous: ProductState | undefined,
  next: ProductState,
  version: number,
  at: Date,
): SerializedEvent | undefined {
  const options = { source: CATALOG_EVENT_SOURCE, id: skuEventId(next.skuId, version), time: at };
  const state = skuStateOf(next, version);
  switch (kind) {
    case 'none':
      return undefined;
    case 'price':
      return serializeEvent(
        SkuPriceChanged,
        createEvent(
          SkuPriceChanged,
          { ...state, previousContractPriceFen: previous!.contractPriceFen, previousMarketPriceFen: previous!.marketPriceFen },
          options,
        ),
      );
    case 'stock':
      return serializeEvent(SkuStockChanged, createEvent(SkuStockChanged, { ...state, previousStock: previous!.stock }, options));
    case 'delisted':
      return serializeEvent(
        SkuDelisted,
        createEvent(
          SkuDelisted,
          {
            skuId: next.skuId,
            reason: next.delistedReason ?? 'no supplier offers it any more',
            version,
            ...(next.curation ? { curationStatus: next.curation.status } : {}),
          },
          options,
        ),
      );
    default:
      return serializeEvent(SkuUpserted, createEvent(SkuUpserted, state, options));
  }
}
