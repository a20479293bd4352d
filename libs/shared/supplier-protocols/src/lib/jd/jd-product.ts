import { z } from 'zod';
import { JD_MAX_SKUS_PER_BATCH } from './jd-paths';

/** SKU ids travel as JSON numbers (12 digits, well inside 2^53) and as decimal strings in forms. */
export const jdSkuIdSchema = z.number().int().positive();

const tokenField = { token: z.string().min(1) };
const decimal = z.string().regex(/^\d+$/, 'must be a decimal number');
/** Comma-separated SKU ids, at most JD_MAX_SKUS_PER_BATCH of them. */
export const jdSkuListFieldSchema = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be comma-separated SKU ids')
  .refine((value) => value.split(',').length <= JD_MAX_SKUS_PER_BATCH, `at most ${JD_MAX_SKUS_PER_BATCH} SKUs per call`);

// product/getPageNum: the pools (商品池) the account may sell from.
export const jdGetPageNumFormSchema = z.object(tokenField);
export type JdGetPageNumForm = z.infer<typeof jdGetPageNumFormSchema>;

export const jdPoolSchema = z.object({
  name: z.string(),
  /** The pool id, passed back as getSkuByPage's `pageNum`. A string on the wire. */
  page_num: z.string().min(1),
});
export type JdPool = z.infer<typeof jdPoolSchema>;
export const jdGetPageNumResultSchema = z.array(jdPoolSchema);

// product/getSkuByPage: one page of a pool's SKU ids.
export const jdGetSkuByPageFormSchema = z.object({ ...tokenField, pageNum: z.string().min(1), pageNo: decimal });
export type JdGetSkuByPageForm = z.infer<typeof jdGetSkuByPageFormSchema>;

export const jdSkuPageSchema = z.object({
  /** How many pages the pool has; pageNo runs from 1 to pageCount. */
  pageCount: z.number().int().nonnegative(),
  skuIds: z.array(jdSkuIdSchema),
});
export type JdSkuPage = z.infer<typeof jdSkuPageSchema>;

// product/getDetail: one SKU.
export const jdGetDetailFormSchema = z.object({ ...tokenField, sku: decimal, queryExts: z.string().optional() });
export type JdGetDetailForm = z.infer<typeof jdGetDetailFormSchema>;

export const jdProductDetailSchema = z.object({
  sku: jdSkuIdSchema,
  name: z.string(),
  brandName: z.string(),
  /**
   * Category path, `;`-separated, most general first: `家用电器;厨房小电;电饭煲`. (unsure) A live
   * account answers category ids (`737;752;753`) here; the sandbox answers names, which is what the
   * catalog files products by.
   */
  category: z.string(),
  /** Kilograms as a decimal string (`0.85`). */
  weight: z.string(),
  /** The main image: an absolute URL in the sandbox, a path below JD's image host on a live account. */
  imagePath: z.string(),
  /** Barcode (EAN-13 / UPC) when JD knows one, else empty. */
  upc: z.string(),
  /** 个, 台, 件 … */
  saleUnit: z.string(),
  /** HTML description. */
  introduction: z.string(),
  /**
   * Specification (规格参数) as one string of `name:value` pairs separated by `;`
   * (`容量:4L;功率:860W`). A live account sends an HTML table; (unsure) which one the adapter meets.
   */
  param: z.string(),
  /** 1 listed, 0 not, as in skuState. */
  state: z.number().int().optional(),
  /** Further images (queryExts=imagePaths), absolute URLs in the sandbox. */
  imagePaths: z.array(z.string()).optional(),
  productArea: z.string().optional(),
  wareQD: z.string().optional(),
});
export type JdProductDetail = z.infer<typeof jdProductDetailSchema>;

// product/skuState: listed or not, ≤ 100 SKUs.
export const jdSkuStateFormSchema = z.object({ ...tokenField, sku: jdSkuListFieldSchema });
export type JdSkuStateForm = z.infer<typeof jdSkuStateFormSchema>;

export const JD_SKU_STATES = { listed: 1, delisted: 0 } as const;

export const jdSkuStateSchema = z.object({ sku: jdSkuIdSchema, state: z.number().int() });
export type JdSkuState = z.infer<typeof jdSkuStateSchema>;
export const jdSkuStateResultSchema = z.array(jdSkuStateSchema);
