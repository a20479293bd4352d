import { parseCasePolicy } from '@supply-hub/aftersales-domain';
import { envTypes, SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { webhookEnvShape } from '@supply-hub/platform';
import { parseWarehousesConfig } from '@supply-hub/warehouses';
import type { z } from 'zod';

/** Every setting aftersales reads, validated at start-up (README.md lists them). */
export const aftersalesEnv = serviceEnvSchema(SERVICES['aftersales'])
  .extend(webhookEnvShape)
  .extend({
    /**
     * Overrides of the case policy as JSON (windows, return parcels, auto-approval per kind; first-response
     * hours), e.g. `{"kinds":{"return":{"windowDays":10}}}`; unset, the defaults (README.md lists them).
     */
    AFTERSALES_POLICY: envTypes.parsed(parseCasePolicy),
    /** The warehouses returns go back to: the same setting and defaults as order-router's WAREHOUSES. */
    WAREHOUSES: envTypes.parsed(parseWarehousesConfig),
    /** Run the first-response escalation sweep in this instance. */
    CASE_SWEEPS: envTypes.boolean(true),
    CASE_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 60_000 }),
  });

export type AftersalesEnv = z.output<typeof aftersalesEnv>;
