import { BRAND_FEED_COLUMNS, BRAND_FEED_FIELDS, BRAND_FEED_STATUSES, type BrandFeedField } from '@supply-hub/supplier-protocols';

/** How one brand writes its feed: which columns, in which order, under which names. */
export interface BrandFeedFormat {
  slug: string;
  /** `zh` feeds use BRAND_FEED_COLUMNS, `en` feeds English names a mapping must name. */
  language: 'zh' | 'en';
  columns: readonly BrandFeedField[];
  names: Readonly<Record<BrandFeedField, string>>;
  statuses: { listed: string; delisted: string };
}

/** The English headers of Xiaomi's export (catalog-sync maps them with a BrandFeedMapping). */
export const ENGLISH_FEED_COLUMNS: Readonly<Record<BrandFeedField, string>> = {
  externalId: 'sku',
  title: 'product_name',
  brand: 'brand',
  model: 'model',
  barcode: 'ean',
  categoryFamily: 'category',
  subcategory: 'subcategory',
  supplyPrice: 'supply_price',
  marketPrice: 'market_price',
  stock: 'stock',
  specs: 'specs',
  images: 'images',
  status: 'status',
};

const zh = (slug: string, columns: readonly BrandFeedField[]): BrandFeedFormat => ({
  slug,
  language: 'zh',
  columns,
  names: BRAND_FEED_COLUMNS,
  statuses: BRAND_FEED_STATUSES,
});

/** Every brand exports differently: column order varies, and Xiaomi writes English headers. */
export const BRAND_FEED_FORMATS: readonly BrandFeedFormat[] = [
  zh('midea', BRAND_FEED_FIELDS),
  zh('joyoung', [
    'title',
    'externalId',
    'brand',
    'barcode',
    'specs',
    'supplyPrice',
    'marketPrice',
    'stock',
    'categoryFamily',
    'subcategory',
    'model',
    'images',
    'status',
  ]),
  { slug: 'xiaomi', language: 'en', columns: BRAND_FEED_FIELDS, names: ENGLISH_FEED_COLUMNS, statuses: { listed: 'listed', delisted: 'delisted' } },
  zh('three-squirrels', [
    'externalId',
    'barcode',
    'title',
    'brand',
    'specs',
    'stock',
    'supplyPrice',
    'marketPrice',
    'subcategory',
    'categoryFamily',
    'images',
    'status',
    'model',
  ]),
  zh('yili', BRAND_FEED_FIELDS),
];

export function feedFormatOf(slug: string): BrandFeedFormat | undefined {
  return BRAND_FEED_FORMATS.find((format) => format.slug === slug);
}
