import { SERVICES, serviceEnvSchema } from '@supply-hub/config';
import { webhookEnvShape } from '@supply-hub/platform';
import type { z } from 'zod';

/** Every setting virtual-codes reads, validated at start-up (README.md lists them). */
export const virtualCodesEnv = serviceEnvSchema(SERVICES['virtual-codes']).extend(webhookEnvShape);

export type VirtualCodesEnv = z.output<typeof virtualCodesEnv>;
