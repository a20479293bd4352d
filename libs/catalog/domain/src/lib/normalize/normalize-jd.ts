import { JD_SKU_STATES, JD_STOCK_STATES, type JdStock } from '@supply-hub/supplier-protocols';
import { categoryFamilyOf, splitCategoryPath, subcategoryOf } from '../category/category-family-of';
import type { SourceRecord } from '../sources/supplier-source';
import type { JdOfferPayload } from '../sources/source-payloads';
import { cleanText, yuanToFen } from '../text/normalize-text';
import { barcodeFields, cleanBrand, cleanImages, modelFromTitle, parseSpecs } from './fields';
import type { NormalizedRecord } from './normalized-record';

/**
 * Units we count on when JD says a SKU can be delivered but not how many (remainNum −1: in transit,
 * transferable, or in stock without a count). Enough to sell, low enough that routing still prefers
 * suppliers and warehouses that state a count.
 */
export const JD_UNCOUNTED_AVAILABLE_STOCK = 20;

/** JD stock state to units: what we may sell now in the configured area. */
export function jdStockUnits(stock: JdStock | null): number {
  if (stock === null) return 0;
  switch (stock.stockStateId) {
    case JD_STOCK_STATES.inStock:
      return stock.remainNum >= 0 ? stock.remainNum : JD_UNCOUNTED_AVAILABLE_STOCK;
    case JD_STOCK_STATES.inTransit:
    case JD_STOCK_STATES.transferable:
      return stock.remainNum > 0 ? stock.remainNum : JD_UNCOUNTED_AVAILABLE_STOCK;
    default:
      // Out of stock (34) and pre-order (36): nothing can leave within the dispatch promise.
      return 0;
  }
}

export function normalizeJd(record: SourceRecord<JdOfferPayload>): NormalizedRecord {
  const { payload } = record;
  if (payload.malformed) return { kind: 'malformed', reason: payload.malformed };
  if (payload.stockOnly) return { kind: 'stock', sourceId: record.sourceId, externalId: record.externalId, stock: jdStockUnits(payload.stock) };
  const { detail, price } = payload;
  if (detail === null || price === null) return { kind: 'malformed', reason: detail === null ? 'no product detail' : 'no price' };

  const categoryPath = splitCategoryPath(detail.category);
  const listed = (payload.state?.state ?? detail.state ?? JD_SKU_STATES.listed) === JD_SKU_STATES.listed;
  return {
    kind: 'offer',
    draft: {
      sourceId: record.sourceId,
      sourceKind: 'jd',
      externalId: record.externalId,
      title: cleanText(detail.name),
      brand: cleanBrand(detail.brandName),
      model: modelFromTitle(detail.name),
      categoryFamily: categoryFamilyOf(categoryPath),
      subcategory: subcategoryOf(categoryPath),
      specs: parseSpecs(detail.param),
      images: cleanImages([detail.imagePath, ...(detail.imagePaths ?? [])]),
      ...barcodeFields(detail.upc),
      supplyPriceFen: yuanToFen(price.price),
      marketPriceFen: yuanToFen(price.jdPrice),
      stock: jdStockUnits(payload.stock),
      status: listed ? 'listed' : 'delisted',
    },
  };
}
