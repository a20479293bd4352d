import { envTypes } from '@supply-hub/config';
import { z } from 'zod';

/** `keys` commands talk to the services' databases on this server. */
export const keysEnvSchema = z.object({ MONGO_URL: envTypes.mongoUrl() });

/** `token issue` signs with the secret the services verify with. */
export const tokenEnvSchema = z.object({ STAFF_TOKEN_SECRET: envTypes.secret(32) });

/** `codes rotate-keys` opens virtual-codes' database with the keys the service is configured with. */
export const codesEnvSchema = z.object({
  MONGO_URL: envTypes.mongoUrl(),
  MONGO_DB: envTypes.databaseName('supplyhub_codes'),
  CODE_ENCRYPTION_KEYS: z.string({ message: 'is required: the same value virtual-codes runs with, the new key first' }),
});
