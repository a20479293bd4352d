import { SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { webhookEnvShape } from '@supply-hub/platform';
import type { z } from 'zod';

/** Every setting aftersales reads, validated at start-up (README.md lists them). */
export const aftersalesEnv = serviceEnvSchema(SERVICES['aftersales']).extend(webhookEnvShape);

export type AftersalesEnv = z.output<typeof aftersalesEnv>;
