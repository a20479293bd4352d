import { envTypes } from '@supply-hub/config';
import { z } from 'zod';

/** `keys` commands talk to the services' databases on this server. */
export const keysEnvSchema = z.object({ MONGO_URL: envTypes.mongoUrl() });

/** `token issue` signs with the secret the services verify with. */
export const tokenEnvSchema = z.object({ STAFF_TOKEN_SECRET: envTypes.secret(32) });
