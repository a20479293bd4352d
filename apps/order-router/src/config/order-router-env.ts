import { SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { webhookEnvShape } from '@supply-hub/platform';
import type { z } from 'zod';

/** Every setting order-router reads, validated at start-up (README.md lists them). */
export const orderRouterEnv = serviceEnvSchema(SERVICES['order-router']).extend(webhookEnvShape);

export type OrderRouterEnv = z.output<typeof orderRouterEnv>;
