import { z } from 'zod';

export const RECHARGE_PROVIDERS = ['fulu', 'juhe'] as const;
export type RechargeProviderName = (typeof RECHARGE_PROVIDERS)[number];

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const ms = (max: number) => z.number().int('must be an integer').min(0, 'must not be negative').max(max, `must be at most ${max}`);
const suffix = z.string().regex(/^\d{0,8}$/, 'must be up to 8 digits ("" = none)');

/** A recharge provider sandbox's knobs that can change at run time (POST /sim/recharge/settings). */
export const rechargeKnobsSchema = z.object({
  /** Time from an accepted order to its final state; 0 = only on POST /sim/recharge/complete. */
  completionDelayMs: ms(3_600_000),
  /** Accounts (numbers, card numbers, member ids) ending in these digits fail with 号码已停机. */
  suspendedSuffix: suffix,
  /** Accounts ending in these digits fail with 运营商维护. */
  maintenanceSuffix: suffix,
  /** Share of notifies never sent (the receiver must query). */
  notifyDropRate: rate,
  /** Share of notifies sent a second time, unchanged. */
  notifyDuplicateRate: rate,
  /** Share of notifies signed with a wrong key. */
  notifyBadSignRate: rate,
  /** Wait between the final state and its notify (a late notify). */
  notifyDelayMs: ms(3_600_000),
  /** Attempts after the first when the receiver does not answer the ack text. */
  notifyRetries: z.number().int().min(0).max(20),
  notifyRetryDelayMs: ms(3_600_000),
  /** How long the sandbox waits for the receiver's answer to one notify. */
  notifyTimeoutMs: ms(120_000).min(1, 'must be at least 1'),
});
export type RechargeKnobs = z.infer<typeof rechargeKnobsSchema>;

/** POST /sim/recharge/settings: a partial update per provider. */
export const rechargeKnobsPatchSchema = z
  .object({ fulu: rechargeKnobsSchema.partial().strict().optional(), juhe: rechargeKnobsSchema.partial().strict().optional() })
  .strict();
export type RechargeKnobsPatch = z.infer<typeof rechargeKnobsPatchSchema>;

export const DEFAULT_RECHARGE_KNOBS: RechargeKnobs = {
  completionDelayMs: 3_000,
  suspendedSuffix: '0000',
  maintenanceSuffix: '9999',
  notifyDropRate: 0,
  notifyDuplicateRate: 0,
  notifyBadSignRate: 0,
  notifyDelayMs: 0,
  notifyRetries: 3,
  notifyRetryDelayMs: 5_000,
  notifyTimeoutMs: 5_000,
};

/** The 福禄-style app the sandbox accepts; notifies go to the app's callback URL (set in the provider's console). */
export interface FuluSimSettings {
  appKey: string;
  appSecret: string;
  callbackUrl?: string;
}

/** The 聚合-style account the sandbox accepts; notifies go to the order's `callback`, else this URL. */
export interface JuheSimSettings {
  key: string;
  openId: string;
  callbackUrl?: string;
}

export interface RechargeSimSettings {
  fulu: FuluSimSettings;
  juhe: JuheSimSettings;
  /** Start values of both providers' knobs. */
  knobs: RechargeKnobs;
  /** Orders kept per provider; when full, the oldest finished one makes room, else new orders are refused as busy. */
  maxOrders: number;
}

/** POST /sim/recharge/complete: end a processing order now, as planned or as told. */
export const rechargeCompleteRequestSchema = z
  .object({
    provider: z.enum(RECHARGE_PROVIDERS),
    orderNo: z.string().min(1, 'must not be empty'),
    outcome: z.enum(['success', 'failed']).optional(),
    /** With outcome failed: the reason the provider gives (default 充值失败). */
    reason: z.string().min(1).max(100).optional(),
  })
  .strict();
export type RechargeCompleteRequest = z.infer<typeof rechargeCompleteRequestSchema>;

/** GET /sim/recharge/orders filters. */
export const rechargeOrdersQuerySchema = z
  .object({
    provider: z.enum(RECHARGE_PROVIDERS).optional(),
    state: z.enum(['processing', 'success', 'failed']).optional(),
    orderNo: z.string().min(1).optional(),
  })
  .strict();
export type RechargeOrdersQuery = z.infer<typeof rechargeOrdersQuerySchema>;
