import { envTypes, SERVICES } from '@supply-hub/config';
import { z } from 'zod';

/**
 * The supplier sandboxes keep nothing durable and speak the suppliers' own auth, so they read neither
 * Kafka, MongoDB nor the staff token secret.
 */
export const supplierSimEnv = z.object({
  PORT: envTypes.port(SERVICES['supplier-sim'].port),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: envTypes.logLevel(),
});

export type SupplierSimEnv = z.output<typeof supplierSimEnv>;
