import { z } from 'zod';

/**
 * TMC change messages, pulled and confirmed through the gateway (taobao.tmc.messages.consume /
 * .confirm) rather than over TOP's websocket channel, so a sandbox can serve them over plain HTTP. A
 * message is only a hint: the item is fetched again with taobao.item.seller.get.
 */
export const TAOBAO_TMC_CONSUME = 'taobao.tmc.messages.consume';
export const TAOBAO_TMC_CONFIRM = 'taobao.tmc.messages.confirm';

export const TAOBAO_TMC_TOPICS = {
  itemAdd: 'taobao_item_ItemAdd',
  itemUpshelf: 'taobao_item_ItemUpshelf',
  itemDownshelf: 'taobao_item_ItemDownshelf',
  itemDelete: 'taobao_item_ItemDelete',
  itemUpdate: 'taobao_item_ItemUpdate',
  itemZeroStock: 'taobao_item_ItemZeroStock',
  itemStockChanged: 'taobao_item_ItemStockChanged',
} as const;

export const taobaoTmcConsumeParamsSchema = z.object({
  group_name: z.string().optional(),
  /** How many messages at most, 1–200 (default 100). */
  quantity: z.string().regex(/^\d+$/).optional(),
});

export const taobaoTmcMessageSchema = z.object({
  id: z.union([z.number().int(), z.string()]),
  topic: z.string(),
  pub_app_key: z.string(),
  pub_time: z.string(),
  user_id: z.number().int(),
  user_nick: z.string(),
  /** JSON text, e.g. `{"num_iid":520813250866,"nick":"…"}`; parse with taobaoTmcItemContentSchema. */
  content: z.string(),
});
export type TaobaoTmcMessage = z.infer<typeof taobaoTmcMessageSchema>;

/** The parsed `content` of the item topics. */
export const taobaoTmcItemContentSchema = z.object({ num_iid: z.number().int().positive() }).loose();

/** Body of `tmc_messages_consume_response`. */
export const taobaoTmcConsumeResponseSchema = z.object({
  messages: z.object({ tmc_message: z.array(taobaoTmcMessageSchema) }).optional(),
  request_id: z.string().optional(),
});

export const taobaoTmcConfirmParamsSchema = z.object({
  group_name: z.string().optional(),
  /** Comma-separated ids of the messages handled. */
  s_message_ids: z.string().regex(/^[^,\s]+(,[^,\s]+)*$/),
});

/** Body of `tmc_messages_confirm_response`. */
export const taobaoTmcConfirmResponseSchema = z.object({ is_success: z.boolean(), request_id: z.string().optional() });
