import { z } from 'zod';
import { beijingTimeSchema } from '../common/beijing-time';
import { taobaoSignMethodSchema } from './taobao-sign';

/** The gateway's one path; every method is a parameter. */
export const TAOBAO_GATEWAY_PATH = '/router/rest';

/** The gateway refuses a timestamp further than this from its own clock (error 31). */
export const TAOBAO_TIMESTAMP_TOLERANCE_MS = 10 * 60 * 1000;

/** Parameters every call carries besides its own. */
export const taobaoCommonParamsSchema = z.object({
  method: z.string().regex(/^[a-z0-9]+(\.[a-z0-9_]+)+$/, 'must be a method name such as taobao.item.seller.get'),
  app_key: z.string().min(1),
  /** The seller's authorisation; required by the item methods. */
  session: z.string().min(1).optional(),
  timestamp: beijingTimeSchema,
  format: z.literal('json'),
  v: z.literal('2.0'),
  sign_method: taobaoSignMethodSchema,
  sign: z.string().regex(/^[0-9A-Fa-f]+$/, 'must be hex'),
  simplify: z.enum(['true', 'false']).optional(),
  partner_id: z.string().optional(),
});

export type TaobaoCommonParams = z.infer<typeof taobaoCommonParamsSchema>;

/**
 * The key of a successful answer: the method without `taobao.`, dots as underscores, then `_response`
 * (`taobao.items.onsale.get` → `items_onsale_get_response`).
 */
export function taobaoResponseKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
}
