import { parseCasePolicy } from '@supply-hub/aftersales-domain';
import { envTypes, SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { webhookEnvShape } from '@supply-hub/platform';
import { parseWarehousesConfig } from '@supply-hub/warehouses';
import { z } from 'zod';

/** A JSON setting checked by its parser at start-up: a mistake stops the start naming its field. */
const jsonSetting = (parse: (text: string) => unknown) =>
  z
    .string()
    .optional()
    .superRefine((text, context) => {
      if (text === undefined) return;
      try {
        parse(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    });

/** Every setting aftersales reads, validated at start-up (README.md lists them). */
export const aftersalesEnv = serviceEnvSchema(SERVICES['aftersales'])
  .extend(webhookEnvShape)
  .extend({
    /**
     * Overrides of the case policy as JSON (windows, return parcels, auto-approval per kind; first-response
     * hours), e.g. `{"kinds":{"return":{"windowDays":10}}}`; unset, the defaults (README.md lists them).
     */
    AFTERSALES_POLICY: jsonSetting(parseCasePolicy),
    /** The warehouses returns go back to: the same setting and defaults as order-router's WAREHOUSES. */
    WAREHOUSES: jsonSetting(parseWarehousesConfig),
    /** Run the first-response escalation sweep in this instance. */
    CASE_SWEEPS: envTypes.boolean(true),
    CASE_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 60_000 }),
  });

export type AftersalesEnv = z.output<typeof aftersalesEnv>;
