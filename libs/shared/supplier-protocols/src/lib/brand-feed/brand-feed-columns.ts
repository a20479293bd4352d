import { z } from 'zod';

/** The canonical fields a brand feed's columns are mapped onto. */
export const BRAND_FEED_FIELDS = [
  'externalId',
  'title',
  'brand',
  'model',
  'barcode',
  'categoryFamily',
  'subcategory',
  'supplyPrice',
  'marketPrice',
  'stock',
  'specs',
  'images',
  'status',
] as const;

export const brandFeedFieldSchema = z.enum(BRAND_FEED_FIELDS);
export type BrandFeedField = z.infer<typeof brandFeedFieldSchema>;

/**
 * The Chinese column names brands use, one per canonical field: the default mapping, and the header
 * the sandbox writes. 供货价 and 市场价 are yuan with two decimals (`129.00`).
 */
export const BRAND_FEED_COLUMNS = {
  externalId: '商品编码',
  title: '商品名称',
  brand: '品牌',
  model: '型号',
  barcode: '条形码',
  categoryFamily: '分类',
  subcategory: '子分类',
  supplyPrice: '供货价',
  marketPrice: '市场价',
  stock: '库存',
  specs: '规格',
  images: '图片',
  status: '状态',
} as const satisfies Record<BrandFeedField, string>;

/** Values of the 状态 column. */
export const BRAND_FEED_STATUSES = { listed: '上架', delisted: '下架' } as const;

/**
 * How list-valued cells are written. 图片: URLs separated by `|`. 规格: `name:value` pairs separated by
 * `;` (full-width `：` and `；` are accepted by the catalog's parser too). In JSON feeds 图片 may also be
 * an array of URLs; adapters join it with `|` so every payload carries the same string form.
 */
export const BRAND_FEED_IMAGE_SEPARATOR = '|';
export const BRAND_FEED_SPEC_SEPARATOR = ';';
export const BRAND_FEED_SPEC_NAME_VALUE_SEPARATOR = ':';
