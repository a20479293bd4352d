import { z } from 'zod';
import { jdSkuIdSchema } from './jd-product';

/** `stockStateId` values. Only 33 (and 40, which JD ships after a transfer) can be sold today. */
export const JD_STOCK_STATES = {
  inStock: 33,
  outOfStock: 34,
  preOrder: 36,
  inTransit: 39,
  transferable: 40,
} as const;

export type JdStockStateId = (typeof JD_STOCK_STATES)[keyof typeof JD_STOCK_STATES];

/** `province_city_county` JD area ids, 0 for "any": `1_0_0` is 北京. */
export const jdAreaSchema = z.string().regex(/^\d+_\d+_\d+(_\d+)?$/, 'must be province_city_county JD area ids, e.g. 1_0_0');

/** Beijing, province level: the area adapters ask stock for unless configured otherwise. */
export const JD_DEFAULT_AREA = '1_0_0';

export const jdSkuNumSchema = z.object({ skuId: jdSkuIdSchema, num: z.number().int().positive() });
export type JdSkuNum = z.infer<typeof jdSkuNumSchema>;

/** stock/getNewStockById form: `skuNums` is a JSON array `[{"skuId":…,"num":1}]` of ≤ 100 SKUs. */
export const jdGetNewStockFormSchema = z.object({
  token: z.string().min(1),
  skuNums: z.string().refine((value) => {
    try {
      const parsed = z.array(jdSkuNumSchema).min(1).max(100).safeParse(JSON.parse(value));
      return parsed.success;
    } catch {
      return false;
    }
  }, 'must be a JSON array of 1 to 100 {skuId, num}'),
  area: jdAreaSchema,
});
export type JdGetNewStockForm = z.infer<typeof jdGetNewStockFormSchema>;

export const jdStockSchema = z.object({
  skuId: jdSkuIdSchema,
  areaId: z.string(),
  stockStateId: z.number().int(),
  stockStateDesc: z.string(),
  /** Units left, −1 when JD does not say. */
  remainNum: z.number().int(),
});
export type JdStock = z.infer<typeof jdStockSchema>;
export const jdGetNewStockResultSchema = z.array(jdStockSchema);
