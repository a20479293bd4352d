import { z } from 'zod';

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** The JD order sandbox's knobs that can change at run time (POST /sim/jd/orders/settings). */
export const jdOrderKnobsSchema = z.object({
  /**
   * Time between a confirmed order's steps (发货完成, 到站, 派送, then 妥投 or 拒收); 0 = only when
   * advanced with POST /sim/jd/orders/advance.
   */
  stepIntervalMs: z.number().int('must be an integer').min(0, 'must not be negative').max(3_600_000, 'must be at most 3600000'),
  /** Share of orders (fixed per thirdOrder and seed) the recipient refuses at the door (拒收, state 2) instead of taking. */
  rejectRate: rate,
});
export type JdOrderKnobs = z.infer<typeof jdOrderKnobsSchema>;

export const jdOrderKnobsPatchSchema = jdOrderKnobsSchema.partial().strict();
export type JdOrderKnobsPatch = z.infer<typeof jdOrderKnobsPatchSchema>;

/** The order sandbox's configuration: the knobs' start values plus what only the environment sets. */
export interface JdOrderSimSettings extends JdOrderKnobs {
  /** Orders kept at most; when full, the oldest finished (delivered, rejected, cancelled) one makes room. */
  maxOrders: number;
}

export const DEFAULT_JD_ORDER_SETTINGS: JdOrderSimSettings = { stepIntervalMs: 10_000, rejectRate: 0, maxOrders: 100_000 };

/** POST /sim/jd/orders/advance and /reject: one order, by JD's id or ours; reject may say why. */
export const jdOrderRequestSchema = z
  .object({
    jdOrderId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/, 'must be a decimal number')]).optional(),
    thirdOrder: z.string().min(1).optional(),
    /** reject only: what the track says after 客户拒收 (default 收货人拒绝签收). */
    reason: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((request) => request.jdOrderId !== undefined || request.thirdOrder !== undefined, { message: 'name the order: jdOrderId or thirdOrder' });
export type JdOrderRequest = z.infer<typeof jdOrderRequestSchema>;

/** GET /sim/jd/orders: all orders, or those of one thirdOrder. */
export const jdOrderListQuerySchema = z.object({ thirdOrder: z.string().min(1).optional() }).strict();
export type JdOrderListQuery = z.infer<typeof jdOrderListQuerySchema>;
