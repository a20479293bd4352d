import { z } from 'zod';
import { taobaoItemSchema } from './taobao-item';

export const TAOBAO_ITEM_SELLER_GET = 'taobao.item.seller.get';

export const taobaoItemSellerGetParamsSchema = z.object({
  fields: z.string().min(1),
  num_iid: z.string().regex(/^\d+$/, 'must be an item id'),
});
export type TaobaoItemSellerGetParams = z.infer<typeof taobaoItemSellerGetParamsSchema>;

/** Body of `item_seller_get_response`. */
export const taobaoItemSellerGetResponseSchema = z.object({
  item: taobaoItemSchema,
  request_id: z.string().optional(),
});
export type TaobaoItemSellerGetResponse = z.infer<typeof taobaoItemSellerGetResponseSchema>;
