import { z } from 'zod';

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const ms = (max: number) => z.number().int('must be an integer').min(0, 'must not be negative').max(max, `must be at most ${max}`);

/** The carrier sandbox's knobs that can change at run time (POST /sim/carrier/settings). */
export const carrierKnobsSchema = z.object({
  /** Time between a subscription's checkpoints; 0 = only when advanced with POST /sim/carrier/advance. */
  pushIntervalMs: ms(3_600_000),
  /** Share of pushes sent a second time, unchanged, right after the first. */
  duplicateRate: rate,
  /** Share of pushes followed by the previous (older) push again. */
  outOfOrderRate: rate,
  /** Share of tracking numbers (fixed per number and seed) that go through 疑难 and are returned. */
  exceptionRate: rate,
  /** Attempts after the first when the receiver does not answer the success JSON (the real service: 3). */
  retries: z.number().int().min(0).max(20),
  /** Wait before each retry (the real service: 35 minutes). */
  retryDelayMs: ms(3_600_000),
  /** How long the sandbox waits for the receiver's answer to one push. */
  pushTimeoutMs: ms(120_000).min(1, 'must be at least 1'),
});
export type CarrierKnobs = z.infer<typeof carrierKnobsSchema>;

export const carrierKnobsPatchSchema = carrierKnobsSchema.partial().strict();
export type CarrierKnobsPatch = z.infer<typeof carrierKnobsPatchSchema>;

/** The carrier sandbox's configuration: the knobs' start values plus what only the environment sets. */
export interface CarrierSimSettings extends CarrierKnobs {
  /** The subscriber key the sandbox accepts (`param.key`). */
  key: string;
  /** Subscriptions kept at most; when full, the oldest finished one makes room, else a subscribe is refused. */
  maxSubscriptions: number;
}

/** POST /sim/carrier/advance and /sim/carrier/abort: the tracking number (and carrier, when two share a number). */
export const carrierNumberRequestSchema = z
  .object({
    number: z.string().min(1, 'must not be empty'),
    company: z.string().min(1).optional(),
    /** abort only: the reason the push gives (default 60天无变化 once there is a checkpoint, else 3天查询无记录). */
    message: z.string().max(200).optional(),
  })
  .strict();
export type CarrierNumberRequest = z.infer<typeof carrierNumberRequestSchema>;
