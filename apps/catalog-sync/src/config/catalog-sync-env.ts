import { SERVICES, serviceEnvSchema } from '@supply-hub/config';
import type { z } from 'zod';

/** Every setting catalog-sync reads, validated at start-up (README.md lists them). */
export const catalogSyncEnv = serviceEnvSchema(SERVICES['catalog-sync']);

export type CatalogSyncEnv = z.output<typeof catalogSyncEnv>;
