import { z } from 'zod';

/**
 * The protocol families whose faults are set separately ('carrier': the tracking subscribe call; its
 * pushes have knobs of their own; 'fulu' and 'juhe': the recharge providers' calls, whose timeouts
 * keep the order they were sent to create).
 */
export const PROTOCOL_FAMILIES = ['jd', 'taobao', 'feeds', 'carrier', 'fulu', 'juhe'] as const;
export type ProtocolFamily = (typeof PROTOCOL_FAMILIES)[number];

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const count = (max: number) => z.number().int('must be an integer').min(0, 'must not be negative').max(max, `must be at most ${max}`);

/** What can go wrong with one protocol family's answers. */
export const faultSettingsSchema = z.object({
  /** Added to every answer. */
  latencyMs: count(60_000),
  /** Share of calls answered with a platform failure (HTTP 5xx; Taobao: an isp.* error_response). */
  errorRate: rate,
  /** Calls allowed per second, 0 for no limit; beyond it: 429 + Retry-After (Taobao: code 7). */
  rateLimitPerSecond: count(1_000_000),
  /** Share of calls answered only after timeoutMs (long enough for the client to give up). */
  timeoutRate: rate,
  timeoutMs: count(600_000),
  /** Share of records in a page or feed sent broken (missing title, negative price, bad barcode …). */
  malformedRate: rate,
  /** Changes applied before each page after the first, as if the supplier changed while a client pages. */
  changesBetweenPages: count(10_000),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitPerSecond: 0,
  timeoutRate: 0,
  timeoutMs: 30_000,
  malformedRate: 0,
  changesBetweenPages: 0,
};

export type FaultSettingsByFamily = Record<ProtocolFamily, FaultSettings>;

/** POST /sim/faults: a partial update per family, or `all` for every family (applied first). */
export const faultSettingsPatchSchema = z
  .object({
    all: faultSettingsSchema.partial().optional(),
    jd: faultSettingsSchema.partial().optional(),
    taobao: faultSettingsSchema.partial().optional(),
    feeds: faultSettingsSchema.partial().optional(),
    carrier: faultSettingsSchema.partial().optional(),
    fulu: faultSettingsSchema.partial().optional(),
    juhe: faultSettingsSchema.partial().optional(),
  })
  .strict();
export type FaultSettingsPatch = z.infer<typeof faultSettingsPatchSchema>;

export function applyFaultPatch(current: FaultSettingsByFamily, patch: FaultSettingsPatch): FaultSettingsByFamily {
  const next = { ...current };
  for (const family of PROTOCOL_FAMILIES) next[family] = { ...current[family], ...patch.all, ...patch[family] };
  return next;
}
