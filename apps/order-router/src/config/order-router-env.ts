import { envTypes, SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { parseWarehousesConfig } from '@supply-hub/orders-domain';
import { webhookEnvShape } from '@supply-hub/platform';
import { z } from 'zod';

/** Every setting order-router reads, validated at start-up (README.md lists them). */
export const orderRouterEnv = serviceEnvSchema(SERVICES['order-router'])
  .extend(webhookEnvShape)
  .extend({
    /**
     * The warehouses as JSON (`{ "warehouses": [ … ] }`, see @supply-hub/orders-domain warehouses-config);
     * unset, the six default ones (北京, 上海, 广州, 武汉, 成都, 西安). A bad entry stops the start naming its field.
     */
    WAREHOUSES: z
      .string()
      .optional()
      .superRefine((text, context) => {
        if (text === undefined) return;
        try {
          parseWarehousesConfig(text);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    /** A routing, reroute, cancel or dispatch unfinished for this long belongs to a dead process: recovery finishes it. */
    ROUTING_RECOVERY_AFTER_MS: envTypes.integer({ min: 1_000, max: 3_600_000, fallback: 30_000 }),
    /** How often this instance looks for such leftovers and for shipments past their deadlines. */
    ROUTING_SWEEP_INTERVAL_MS: envTypes.integer({ min: 100, max: 3_600_000, fallback: 10_000 }),
    /** A parcel no warehouse accepted within this time goes to the next best warehouse. */
    SHIPMENT_ACCEPT_TIMEOUT_MS: envTypes.integer({ min: 1_000, max: 7 * 24 * 3_600_000, fallback: 4 * 3_600_000 }),
    /** At 48 h without dispatch: `reroute` the parcel to the next best warehouse, or only `escalate` (flag and event). */
    SLA_BREACH_POLICY: z.enum(['reroute', 'escalate']).default('escalate'),
    /** Run the recovery and deadline sweeps in this instance. */
    ROUTING_SWEEPS: envTypes.boolean(true),
  });

export type OrderRouterEnv = z.output<typeof orderRouterEnv>;
