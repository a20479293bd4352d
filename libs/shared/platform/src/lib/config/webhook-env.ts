import { envTypes } from '@supply-hub/config';

/** Add to a service's env schema (`serviceEnvSchema(...).extend(webhookEnvShape)`) when it mounts webhook endpoints. */
export const webhookEnvShape = {
  /** Accept http://localhost webhook URLs, for local demos against a mall simulator. */
  WEBHOOK_ALLOW_HTTP_LOCALHOST: envTypes.boolean(false),
};
