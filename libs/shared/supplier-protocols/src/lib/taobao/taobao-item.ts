import { z } from 'zod';
import { beijingTimeSchema } from '../common/beijing-time';

/**
 * Lists come wrapped the way TOP's non-simplified JSON wraps them: an object holding one array named
 * after the element (`items: { item: [...] }`, `item_imgs: { item_img: [...] }`). The wrapper is left
 * out when the list is empty.
 */
export const taobaoItemImgSchema = z.object({
  id: z.number().int().optional(),
  url: z.string(),
  position: z.number().int().optional(),
});
export type TaobaoItemImg = z.infer<typeof taobaoItemImgSchema>;

export const TAOBAO_APPROVE_STATUSES = ['onsale', 'instock'] as const;

export const taobaoItemSchema = z.object({
  /** Item id, a JSON number (12 digits). */
  num_iid: z.number().int().positive(),
  title: z.string(),
  /** Yuan as a decimal string with two decimals (`"129.00"`). */
  price: z.string(),
  /** Units in stock. */
  num: z.number().int(),
  /** Leaf category id. */
  cid: z.number().int(),
  /** `pid:vid:property name:value name` entries separated by `;` (`20000:3275069:品牌:美的;…`). */
  props_name: z.string().optional(),
  /** The seller's own code for the item (商家编码). */
  outer_id: z.string().optional(),
  barcode: z.string().optional(),
  /** onsale (出售中) or instock (仓库中, i.e. not for sale). */
  approve_status: z.enum(TAOBAO_APPROVE_STATUSES),
  /** Last change, Beijing time. */
  modified: beijingTimeSchema,
  pic_url: z.string().optional(),
  item_imgs: z.object({ item_img: z.array(taobaoItemImgSchema) }).optional(),
  /** Brand name; TOP itself carries it in props_name (品牌), the sandbox also sends it here. */
  brand: z.string().optional(),
  /**
   * (unsure) The category path by name, `>`-separated (`家用电器>厨房小电>电饭煲`). TOP gives only `cid`
   * and needs taobao.itemcats.get to name it; the sandbox sends the names so the catalog can file the item.
   */
  cat_path: z.string().optional(),
  desc: z.string().optional(),
  list_time: beijingTimeSchema.optional(),
  delist_time: beijingTimeSchema.optional(),
});
export type TaobaoItem = z.infer<typeof taobaoItemSchema>;
