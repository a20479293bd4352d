import { parseCodeKeyRing } from '@supply-hub/codes-domain';
import { parseRechargeProvidersConfig } from '@supply-hub/codes-providers';
import { envTypes, SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { webhookEnvShape } from '@supply-hub/platform';
import { z } from 'zod';

/** Every setting virtual-codes reads, validated at start-up (README.md lists them). */
export const virtualCodesEnv = serviceEnvSchema(SERVICES['virtual-codes'])
  .extend(webhookEnvShape)
  .extend({
    /**
     * AES-256-GCM keys of stored card codes and passwords: `keyId:base64key` entries separated by commas,
     * the first sealing new codes, all of them opening old ones. Rotation: put a new key first, run
     * `npm run cli -- codes rotate-keys`, then drop the old key.
     */
    CODE_ENCRYPTION_KEYS: envTypes.requiredParsed(parseCodeKeyRing, 'is required (keyId:base64 of 32 bytes, comma-separated; the first is current)'),
    /** HMAC key of code fingerprints (duplicate detection at import); never rotated, or duplicates go unseen. */
    CODE_FINGERPRINT_SECRET: envTypes.secret(32),
    /**
     * The recharge providers as JSON (see @supply-hub/codes-providers): `{"providers":[{"kind":"fulu",…},{"kind":"juhe",…}]}`.
     * Unset: the local sandboxes at SUPPLIER_SIM_URL.
     */
    RECHARGE_PROVIDERS: envTypes.parsed(parseRechargeProvidersConfig),
    /**
     * This service's address as providers reach it: 聚合-style orders carry `<base>/providers/<id>/notify`
     * as their callback (unless the provider's entry names one). 福禄-style notifies go where the app is
     * configured at the provider (the sandbox: SIM_FULU_CALLBACK_URL).
     */
    RECHARGE_CALLBACK_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    SUPPLIER_SIM_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default(`http://127.0.0.1:${SERVICES['supplier-sim'].port}`),
    /** Partitions of virtual lines one instance works on at once. */
    ISSUANCE_PARTITIONS_CONCURRENTLY: envTypes.integer({ min: 1, max: 64, fallback: 3 }),
    /** Run the issuance sweep here: status queries, retries after a crash or an outage, waiting pool lines. */
    ISSUANCE_SWEEPS: envTypes.boolean(true),
    ISSUANCE_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 2_000 }),
    /** Run the pool sweep here: expired codes set aside, low-stock alerts, pool gauges. */
    POOL_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 24 * 3_600_000, fallback: 60_000 }),
    /** How long a line waits for an empty pool to be refilled before it fails and is refunded. */
    POOL_WAIT_MS: envTypes.integer({ min: 0, max: 7 * 24 * 3_600_000, fallback: 30 * 60_000 }),
    /** An issuance unsettled this long after it came in counts as stuck (metric and staff report). */
    ISSUANCE_STUCK_AFTER_MS: envTypes.integer({ min: 1_000, max: 7 * 24 * 3_600_000, fallback: 10 * 60_000 }),
  });

export type VirtualCodesEnv = z.output<typeof virtualCodesEnv>;
