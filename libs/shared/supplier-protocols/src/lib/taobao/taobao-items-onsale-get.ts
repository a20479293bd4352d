import { z } from 'zod';
import { beijingTimeSchema } from '../common/beijing-time';
import { taobaoItemSchema } from './taobao-item';

export const TAOBAO_ITEMS_ONSALE_GET = 'taobao.items.onsale.get';

export const TAOBAO_ITEMS_PAGE_SIZE_DEFAULT = 40;
export const TAOBAO_ITEMS_PAGE_SIZE_MAX = 200;

/**
 * How deep page_no × page_size may reach before the gateway refuses the page (isv.page-limit-exceeded).
 * (unsure) The sandbox states 10,000; adapters take it from configuration and split larger pulls into
 * modified-time windows.
 */
export const TAOBAO_ITEMS_DEEP_PAGING_CAP = 10_000;

/** `order_by` values: a field and a direction. */
export const TAOBAO_ITEMS_ORDER_BY = [
  'list_time:asc',
  'list_time:desc',
  'delist_time:asc',
  'delist_time:desc',
  'num:asc',
  'num:desc',
  'modified:asc',
  'modified:desc',
] as const;

/** The fields catalog sync asks for. */
export const TAOBAO_ITEM_FIELDS = [
  'num_iid',
  'title',
  'price',
  'num',
  'cid',
  'props_name',
  'outer_id',
  'barcode',
  'approve_status',
  'modified',
  'pic_url',
  'item_imgs',
  'brand',
  'cat_path',
] as const;

const positiveDecimal = z.string().regex(/^[1-9]\d*$/, 'must be a positive integer');

/** The method's own parameters (strings, as they travel in the form or query). */
export const taobaoItemsOnsaleGetParamsSchema = z.object({
  fields: z.string().min(1),
  page_no: positiveDecimal.optional(),
  page_size: positiveDecimal.refine((value) => Number(value) <= TAOBAO_ITEMS_PAGE_SIZE_MAX, `at most ${TAOBAO_ITEMS_PAGE_SIZE_MAX}`).optional(),
  /** Inclusive lower bound on `modified`, Beijing time. */
  start_modified: beijingTimeSchema.optional(),
  /** Inclusive upper bound on `modified`, Beijing time. */
  end_modified: beijingTimeSchema.optional(),
  order_by: z.enum(TAOBAO_ITEMS_ORDER_BY).optional(),
  q: z.string().optional(),
  cid: z.string().optional(),
});
export type TaobaoItemsOnsaleGetParams = z.infer<typeof taobaoItemsOnsaleGetParamsSchema>;

/** Body of `items_onsale_get_response`. */
export const taobaoItemsOnsaleGetResponseSchema = z.object({
  total_results: z.number().int().nonnegative(),
  items: z.object({ item: z.array(taobaoItemSchema) }).optional(),
  request_id: z.string().optional(),
});
export type TaobaoItemsOnsaleGetResponse = z.infer<typeof taobaoItemsOnsaleGetResponseSchema>;
