import { z } from 'zod';
import { jdSkuIdSchema, jdSkuListFieldSchema } from './jd-product';

// price/getSellPrice (and price/getPrice, same shape): ≤ 100 SKUs.
export const jdGetSellPriceFormSchema = z.object({ token: z.string().min(1), sku: jdSkuListFieldSchema, queryExts: z.string().optional() });
export type JdGetSellPriceForm = z.infer<typeof jdGetSellPriceFormSchema>;

/**
 * Prices are yuan as JSON numbers with two decimals (39.9). They are carried raw in payloads; the
 * catalog domain turns them into fen. No sign check here: a negative price is a record to quarantine,
 * not a broken answer.
 */
export const jdSellPriceSchema = z.object({
  skuId: jdSkuIdSchema,
  /** Agreement price (协议价): what we pay. */
  price: z.number(),
  /** JD's own shelf price, the market reference price. */
  jdPrice: z.number(),
});
export type JdSellPrice = z.infer<typeof jdSellPriceSchema>;
export const jdGetSellPriceResultSchema = z.array(jdSellPriceSchema);
