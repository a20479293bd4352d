import { CATEGORY_FAMILIES, CATEGORY_FAMILY_LABELS, type CategoryFamily } from '@supply-hub/contracts';
import { BRAND_FEED_IMAGE_SEPARATOR, BRAND_FEED_STATUSES } from '@supply-hub/supplier-protocols';
import { categoryFamilyOf } from '../category/category-family-of';
import type { OfferStatus } from '../offer/canonical-offer';
import type { SourceRecord } from '../sources/supplier-source';
import type { BrandFeedPayload } from '../sources/source-payloads';
import { cleanText, yuanToFen } from '../text/normalize-text';
import { barcodeFields, cleanBrand, cleanImages, parseSpecs, parseStock } from './fields';
import type { NormalizedRecord } from './normalized-record';

export function normalizeBrandFeed(record: SourceRecord<BrandFeedPayload>): NormalizedRecord {
  const { payload } = record;
  if (payload.malformed) return { kind: 'malformed', reason: `line ${payload.line}: ${payload.malformed}` };
  const fields = payload.fields;
  const subcategory = fields.subcategory ? cleanText(fields.subcategory) : undefined;
  return {
    kind: 'offer',
    draft: {
      sourceId: record.sourceId,
      sourceKind: 'brand-feed',
      externalId: record.externalId,
      title: fields.title ? cleanText(fields.title) : undefined,
      brand: cleanBrand(fields.brand),
      model: fields.model ? cleanText(fields.model) : undefined,
      categoryFamily: familyOf(fields.categoryFamily, subcategory),
      subcategory,
      specs: parseSpecs(fields.specs),
      images: cleanImages((fields.images ?? '').split(BRAND_FEED_IMAGE_SEPARATOR)),
      ...barcodeFields(fields.barcode),
      supplyPriceFen: yuanToFen(fields.supplyPrice),
      marketPriceFen: yuanToFen(fields.marketPrice),
      stock: parseStock(fields.stock),
      status: statusOf(fields.status),
    },
  };
}

/** 实物 / physical / …; a cell naming none of the four families is read from the subcategory instead. */
function familyOf(cell: string | undefined, subcategory: string | undefined): CategoryFamily {
  const value = cell ? cleanText(cell).toLowerCase() : '';
  const named = CATEGORY_FAMILIES.find((family) => family === value || CATEGORY_FAMILY_LABELS[family] === value);
  return named ?? categoryFamilyOf([cell ?? '', subcategory ?? '']);
}

/** 上架 / listed and 下架 / delisted; an empty cell means listed (feeds list what they sell). */
function statusOf(cell: string | undefined): OfferStatus | undefined {
  const value = cell ? cleanText(cell).toLowerCase() : '';
  if (value === '' || value === BRAND_FEED_STATUSES.listed || value === 'listed' || value === 'on') return 'listed';
  if (value === BRAND_FEED_STATUSES.delisted || value === 'delisted' || value === 'off') return 'delisted';
  return undefined;
}
