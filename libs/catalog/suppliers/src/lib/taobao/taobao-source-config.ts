import { httpClientSettingsSchema } from '@supply-hub/http-client';
import { beijingTimeSchema, TAOBAO_ITEMS_DEEP_PAGING_CAP, TAOBAO_ITEMS_PAGE_SIZE_MAX, taobaoSignMethodSchema } from '@supply-hub/supplier-protocols';
import { z } from 'zod';

export const taobaoSourceConfigSchema = z.object({
  kind: z.literal('taobao'),
  id: z.string().min(1),
  /** Where `router/rest` lives: `https://eco.taobao.com/` or the sandbox's `http://127.0.0.1:3005/taobao/`. */
  baseUrl: z.url(),
  credentials: z.object({
    appKey: z.string().min(1),
    appSecret: z.string().min(1),
    /** The seller's authorisation (session key); the item methods need it. */
    session: z.string().min(1),
  }),
  signMethod: taobaoSignMethodSchema.default('md5'),
  pageSize: z.number().int().min(1).max(TAOBAO_ITEMS_PAGE_SIZE_MAX).default(TAOBAO_ITEMS_PAGE_SIZE_MAX),
  /** How deep page_no × page_size may go; windows holding more items are split by modified time. */
  deepPagingCap: z.number().int().positive().default(TAOBAO_ITEMS_DEEP_PAGING_CAP),
  /** The earliest `modified` a full sync asks for (Beijing time). */
  fullSyncFrom: beijingTimeSchema.default('2000-01-01 00:00:00'),
  /** An incremental pull starts this long before `since`: clocks differ, and a re-read item costs nothing. */
  overlapMs: z
    .number()
    .int()
    .nonnegative()
    .default(5 * 60 * 1000),
  http: httpClientSettingsSchema.prefault({}),
});

export type TaobaoSourceConfig = z.output<typeof taobaoSourceConfigSchema>;
export type TaobaoSourceConfigInput = z.input<typeof taobaoSourceConfigSchema>;
